// npm run bench:crossings — the crossing desk at national scale on PostgreSQL.
//
// Seeds, set-based (generate_series) and reused by later runs of the same size: 100,000 ban-list entries (half the
// prevention list, half the entry-ban list) and BENCH_CROSSINGS crossings (default 10,000,000, spread over the last
// 365 days and every crossing point, a few held, PLB departures with their return day) with their daily counts. Then,
// against a server this script starts in a worker thread (bundled by esbuild, as bench/lodging-check-in.ts does):
// crossings recorded with their ban check through HTTP at 20 per second for 30 seconds (open loop: each is sent on
// its tick whatever the others do; one in 20 travellers is on the entry-ban list and is held red), and the daily
// statistics (a year at one point, a month at every point) through GET /api/v1/stats/crossings.
// Prints the figures; exits 1 when the crossings' p95 is above 50 ms, a statistics query above 300 ms, or an answer
// is not the verdict expected.
//
// Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sikoe_bench_crossings, created when missing;
// never the tests' database), BENCH_CROSSINGS (10000000), BENCH_RATE (20 per second), BENCH_SECONDS (30).
import crypto from 'node:crypto';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { createApiToken } from '../src/accounts/api-tokens.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import { accounts } from '../src/platform/auth/schema.ts';
import { toActor } from '../src/platform/auth/sessions.ts';
import { newTotpSecret } from '../src/platform/auth/totp.ts';
import { addDays, witaDate } from '../src/platform/calendar/wita.ts';
import { openDatabase, queryRows, type Db } from '../src/platform/db/index.ts';
import { bundleSelf } from './bundle-self.ts';
import { ensureBenchDatabase, startBenchServer } from './bench-database.ts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sikoe_bench_crossings';
const CROSSINGS = Number(process.env.BENCH_CROSSINGS ?? 10_000_000);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const BANS = 100_000;
const GOAL_CROSSING_MS = 50;
const GOAL_STATS_MS = 300;
const POINT = 'MOTAAIN';
const BENCH_REFERENCE = 'BENCH-CROSSINGS';
/** The seeded crossings' officer: one id, so that their request ids never meet a real officer's. */
const SEED_OFFICER = '00000000-0000-4000-8000-00000000b0b0';

type Ready = { port: number; token: string };

/** The server thread: the app on PostgreSQL and a desk officer of the point's unit with an API token. */
async function serverWorker() {
  const { running, port } = await startBenchServer((workerData as { url: string }).url, 'crossings');
  const db = running.database.db;
  const [officer] = await db
    .insert(accounts)
    .values({
      email: `bench-${crypto.randomUUID()}@bench.sikoe.id`,
      name: 'Bench Desk',
      passwordHash: 'x',
      kind: 'officer',
      role: 'counter_officer',
      unitCode: 'PLBN-MOTAAIN',
      emailVerifiedAt: new Date(),
      // Officers act only with the second factor set up; the API token stands for it.
      totpSecret: newTotpSecret(),
      totpEnabledAt: new Date(),
    })
    .returning();
  const caller = { ...systemCaller('bench'), actor: toActor(officer!, 'token', true) };
  const { token } = await db.transaction((tx) => createApiToken(tx, caller, officer!.id, 'bench'));
  parentPort!.postMessage({ port, token } satisfies Ready);
  parentPort!.on('message', () => void running.stop().then(() => process.exit(0)));
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** 100,000 listed people: citizens on the prevention list by NIK and birth date, foreigners by document (BX<g>). */
async function seedBans(db: Db, today: string) {
  const [have] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from watchlist_entries where reference = ${BENCH_REFERENCE}`,
  );
  if (have!.n === BANS) return console.log(`ban entries: ${BANS} already there, reused`);
  const t0 = performance.now();
  await db.execute(sql`delete from watchlist_entries where reference = ${BENCH_REFERENCE}`);
  await db.execute(sql`
    insert into watchlist_entries (list, nik, nationality, document_number, full_name, name_key, birth_date, reason,
      reference, valid_from, valid_until)
    select case when g % 2 = 0 then 'exit' else 'entry' end,
      case when g % 2 = 0 then '5371' || lpad(g::text, 12, '0') end,
      case when g % 2 = 1 then 'AUS' end, case when g % 2 = 1 then 'BX' || g end,
      'LISTED PERSON ' || g, 'LISTED PERSON ' || g, date '1940-01-01' + (g * 7919 % 24000), 'Bench', ${BENCH_REFERENCE},
      ${today}::date - 30, ${today}::date + 150
    from generate_series(1, ${BANS}) g`);
  await db.execute(sql`vacuum analyze watchlist_entries`);
  console.log(`ban entries: ${BANS} inserted in ${seconds(t0)} s`);
}

/** The crossings of a year at every point, and their daily counts, in two statements. */
async function seedCrossings(db: Db, today: string) {
  const [have] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from crossings where recorded_by = ${SEED_OFFICER}`,
  );
  if (have!.n === CROSSINGS) return console.log(`crossings: ${CROSSINGS} already there, reused`);
  const t0 = performance.now();
  await db.execute(sql`delete from crossing_daily_counts`);
  await db.execute(sql`delete from crossing_actions`);
  await db.execute(sql`delete from crossings`);
  await db.execute(sql`
    insert into crossings (point_code, unit_code, direction, traveller_kind, document_kind, document_number,
      nationality, full_name, birth_date, crossed_on, verdict, reasons, ban_entry_ids, status, status_at, return_by,
      recorded_by, recorded_at, request_id)
    select p.codes[1 + g % p.n], p.units[1 + g % p.n], case when g % 2 = 0 then 'arrival' else 'departure' end,
      case when g % 3 = 0 then 'foreigner' else 'citizen' end, case when g % 5 = 0 then 'plb' else 'passport' end,
      'S' || g, case when g % 3 = 0 then 'TLS' else 'IDN' end, 'TRAVELLER ' || (g % 100000),
      date '1960-01-01' + (g % 15000)::int, d.day, case when g % 10000 = 0 then 'red' else 'green' end,
      '[]'::jsonb, '[]'::jsonb, case when g % 10000 = 0 then 'held' else 'cleared' end, d.at,
      case when g % 5 = 0 and g % 2 = 1 then d.day + 9 end, ${SEED_OFFICER}, d.at, 'seed-' || g
    from (select array_agg(code order by code) as codes, array_agg(unit_code order by code) as units,
        count(*)::int as n from crossing_points) p,
      generate_series(1, ${CROSSINGS}) g,
      lateral (select ${today}::date - (g % 365)::int as day,
        (${today}::date - (g % 365)::int)::timestamptz + make_interval(secs => (g % 86400)::int) as at) d`);
  await db.execute(sql`
    insert into crossing_daily_counts (day, point_code, direction, traveller_kind, document_kind, count)
    select crossed_on, point_code, direction, traveller_kind, document_kind, count(*)
    from crossings where status in ('cleared', 'allowed') group by 1, 2, 3, 4, 5`);
  await db.execute(sql`vacuum analyze crossings`);
  await db.execute(sql`vacuum analyze crossing_daily_counts`);
  console.log(`crossings: ${CROSSINGS} inserted with their daily counts in ${seconds(t0)} s`);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

/**
 * The i-th traveller: a foreign passport typed at the desk; every 20th is on the entry-ban list by document. Each
 * listed one has a birth date of their own, as the desk holds whoever resembles a held traveller (a close name with
 * the same birth date) until the supervisor decides.
 */
function traveller(i: number, run: string) {
  const listed = i % 20 === 0;
  const g = 2 * ((i * 104_729) % (BANS / 2)) + 1;
  return {
    direction: listed ? 'arrival' : i % 2 === 0 ? 'arrival' : 'departure',
    documentNumber: listed ? `BX${g}` : `B${run}${String(i).padStart(5, '0')}`,
    nationality: 'AUS',
    fullName: listed ? 'SOMEONE ELSE' : `BENCH TRAVELLER ${i}`,
    birthDate: listed ? addDays('1950-01-01', i) : '1975-05-05',
    expiresOn: '2035-01-01',
    requestId: `${run}-${i}`,
  };
}

async function crossingPhase(base: string, token: string) {
  const run = crypto.randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
  const count = RATE * SECONDS;
  const latencies: number[] = [];
  const wrong: string[] = [];
  const send = async (i: number) => {
    const body = traveller(i, run);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/crossing-points/${POINT}/crossings`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    const json = (await res.json()) as { verdict?: string };
    latencies.push(performance.now() - t0);
    const expected = i % 20 === 0 ? 'red' : 'green';
    if (res.status !== 201 || json.verdict !== expected)
      wrong.push(`${res.status} ${JSON.stringify(json).slice(0, 200)}`);
  };
  for (let i = 0; i < 20; i++) await send(count + i);
  latencies.length = 0;
  wrong.length = 0;
  const t0 = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = t0 + (i * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sent.push(send(i));
  }
  await Promise.all(sent);
  latencies.sort((a, b) => a - b);
  return { count, latencies, wrong, seconds: (performance.now() - t0) / 1000 };
}

async function statsPhase(base: string, today: string) {
  const queries = {
    'a year at one point': `from=${addDays(today, -364)}&to=${today}&point=${POINT}`,
    'a month at every point': `from=${addDays(today, -29)}&to=${today}`,
  };
  const worst: Record<string, { ms: number; rows: number }> = {};
  for (const [label, query] of Object.entries(queries)) {
    await fetch(`${base}/api/v1/stats/crossings?${query}`);
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const rows = (await (await fetch(`${base}/api/v1/stats/crossings?${query}`)).json()) as unknown[];
      const ms = performance.now() - t0;
      if (!worst[label] || ms > worst[label].ms) worst[label] = { ms, rows: rows.length };
    }
  }
  return worst;
}

async function main() {
  await ensureBenchDatabase(url);
  const worker = new Worker(await bundleSelf(import.meta.url, 'crossings'), { workerData: { url } });
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const today = witaDate();
  const database = await openDatabase({
    kind: 'postgres',
    url,
    poolSize: 2,
    timeouts: { connectMs: 5_000, statementMs: 3_600_000, idleInTransactionMs: 3_600_000 },
  });
  try {
    await seedBans(database.db, today);
    await seedCrossings(database.db, today);
    // An earlier run's listed travellers are still held for a supervisor: refused here, so this run meets them anew.
    await database.db.execute(
      sql`update crossings set status = 'refused' where status = 'held' and recorded_by <> ${SEED_OFFICER}`,
    );
  } finally {
    await database.close();
  }
  const base = `http://127.0.0.1:${ready.port}`;
  const crossings = await crossingPhase(base, ready.token);
  const stats = await statsPhase(base, today);
  worker.postMessage('stop');

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const p95 = percentile(crossings.latencies, 0.95);
  console.log(`crossing desk over HTTP on PostgreSQL, ${CROSSINGS} crossings stored, ${BANS} ban entries`);
  console.log(
    `  ${crossings.count} crossings at ${RATE}/s in ${crossings.seconds.toFixed(1)} s: p50 ${ms(percentile(crossings.latencies, 0.5))}, p95 ${ms(p95)} (goal ≤ ${GOAL_CROSSING_MS}), p99 ${ms(percentile(crossings.latencies, 0.99))}, max ${ms(crossings.latencies.at(-1) ?? NaN)}`,
  );
  console.log(
    `  verdicts not as expected: ${crossings.wrong.length}${crossings.wrong[0] ? ` (first: ${crossings.wrong[0]})` : ''}`,
  );
  for (const [label, { ms: took, rows }] of Object.entries(stats))
    console.log(`  statistics, ${label}: ${rows} rows, worst of 5 ${ms(took)} (goal ≤ ${GOAL_STATS_MS})`);
  const ok =
    p95 <= GOAL_CROSSING_MS && crossings.wrong.length === 0 && Object.values(stats).every((s) => s.ms <= GOAL_STATS_MS);
  console.log(`goals: ${ok ? 'met' : 'MISSED'}`);
  process.exit(ok ? 0 : 1);
}

if (isMainThread) await main();
else await serverWorker();
