// "Foreigners lodged now in a regency" over 1,000,000 stays on PostgreSQL (issue 12's goal: p95 ≤ 100 ms).
// Run: npx tsx bench/lodging-lodged-now.ts   (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/sikoe_bench_lodging_now)
// The database is created when missing and filled once (set-based, generate_series); later runs only measure.
import { sql } from 'drizzle-orm';
import { countLodgedNow } from '../src/lodgings/count-lodged-now.ts';
import { openDatabase, queryRows, type Db } from '../src/platform/db/index.ts';
import { seedReference } from '../src/seed.ts';
import { ensureBenchDatabase } from './bench-database.ts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sikoe_bench_lodging_now';
const STAYS = 1_000_000;
const LODGINGS = 2_000;
/** Most reports are of stays long over: about 3 % of the stays are open (checked in, not yet out). */
const OPEN_SHARE = 0.03;
const RUNS = 300;
const GOAL_MS = 100;

/** Lodgings in every NTT district, spread over the regencies, and the stays spread over the lodgings. */
async function fill(db: Db): Promise<void> {
  const [have] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from stays`);
  if ((have?.n ?? 0) >= STAYS) return;
  const t0 = performance.now();
  await db.execute(sql`truncate stays, lodgings cascade`);
  await db.execute(sql`
    insert into lodgings (name, kind, address, village_code, district_code, regency_code, unit_code, person_in_charge,
      phone, email, status)
    select 'Bench lodging ' || i, 'homestay', 'Jl. Bench ' || i, d.code || '.1001', d.code, d.regency_code,
      coalesce(ur.unit_code, 'KANIM-KUPANG'), 'Bench', '0800', 'bench' || i || '@bench.sikoe.id', 'verified'
    from generate_series(1, ${LODGINGS}) i
    join lateral (select code, regency_code from districts where regency_code like '53.%'
      order by code offset (i * 7919) % (select count(*) from districts where regency_code like '53.%') limit 1) d on true
    left join unit_regencies ur on ur.regency_code = d.regency_code`);
  await db.execute(sql`
    with l as (select id, unit_code, regency_code, district_code, row_number() over (order by id) - 1 as n from lodgings)
    insert into stays (lodging_id, client_id, foreigner_id, document_number, check_in_at, expected_check_out_on,
      check_out_at, purpose, channel, reported_by, reported_at, late, receipt_number, unit_code, regency_code, district_code)
    select l.id, 'b' || i, gen_random_uuid(), 'B' || i, s.check_in, (s.check_in + interval '3 days')::date,
      case when random() < ${OPEN_SHARE} then null else s.check_in + interval '3 days' end,
      'tourism', 'api', '00000000-0000-0000-0000-000000000000', s.check_in, false, 'BENCH-' || i,
      l.unit_code, l.regency_code, l.district_code
    from generate_series(1, ${STAYS}) i
    -- Check-ins spread over the last 700 days (the lateral refers to i, so it is computed per row).
    cross join lateral (select now() - ((i::bigint * 7919) % (700 * 86400)) * interval '1 second' as check_in) s
    join l on l.n = i % ${LODGINGS}`);
  await db.execute(sql`vacuum analyze stays`);
  console.log(`filled ${STAYS} stays over ${LODGINGS} lodgings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  await ensureBenchDatabase(url);
  // Filling a million rows in one statement takes longer than a request may.
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 2, timeouts: { statementMs: 1_800_000 } });
  const db = database.db;
  await database.migrate();
  await seedReference(db);
  await fill(db);
  const regencies = (
    await queryRows<{ regency_code: string }>(db, sql`select distinct regency_code from lodgings order by 1`)
  ).map((r) => r.regency_code);
  const [open] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from stays where check_out_at is null`,
  );
  const plan = await queryRows<{ 'QUERY PLAN': string }>(
    db,
    sql`explain select regency_code, district_code, count(*) from stays where check_out_at is null
      and regency_code in (${regencies[0]}) group by 1, 2`,
  );
  console.log(plan.map((p) => `  ${p['QUERY PLAN']}`).join('\n'));
  for (const r of regencies.slice(0, 5)) await countLodgedNow(db, [r]);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await countLodgedNow(db, [regencies[i % regencies.length]!]);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  console.log(
    `lodged now in a regency: ${STAYS} stays (${open?.n} open) over ${regencies.length} regencies, ${RUNS} runs: ` +
      `p50 ${p(0.5).toFixed(2)} ms, p95 ${p(0.95).toFixed(2)} ms, max ${p(1).toFixed(2)} ms (goal p95 ≤ ${GOAL_MS} ms)`,
  );
  await database.close();
  if (p(0.95) > GOAL_MS) process.exit(1);
}

await main();
