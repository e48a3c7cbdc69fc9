// npm run bench:queues [-- --cases 100000 --officers 50 --seconds 20 --pool N --think-ms 500 --explain --reseed]
//
// Work queues and case search under load, against PostgreSQL: 100,000 cases across the units (inserted once by
// generate_series, reused by later runs), then concurrent officers of different roles and units, each running the
// work queue and a search in turn through the same functions the routes call (openCasework → listWorkQueue /
// searchCases in a transaction, audit entry included). Prints count, p50/p95/p99 and throughput per operation and
// whether p95 ≤ 100 ms and p99 ≤ 250 ms, then what each operation costs alone (latency, round trips, CPU). Exits 1
// when an operation misses a goal. Each officer pauses about --think-ms (default 500 ms,
// random around it) between requests, as people at a counter do; --think-ms 0 instead measures a saturated machine.
//
// Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sikoe_bench), BENCH_CASES, BENCH_OFFICERS,
// BENCH_SECONDS, BENCH_POOL, BENCH_THINK_MS.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openCasework, type Caseworker } from '../src/casework/access.ts';
import { searchCases } from '../src/casework/search-cases.ts';
import { listWorkQueue, type WorkFilters } from '../src/casework/work-queue.ts';
import type { Actor } from '../src/platform/auth/actor.ts';
import type { OfficerRole } from '../src/platform/auth/schema.ts';
import { DEFAULT_POOL_SIZE, openDatabase, queryRows, type Database, type Db } from '../src/platform/db/index.ts';
import { cpuMeter } from './cpu.ts';
import { seedReference } from '../src/seed.ts';
import { percentile } from './load.ts';
import { afterBiometrics, familyNames, givenNames, open, statusWeights, unitWeights } from './queues-data.ts';

const TARGET_P95_MS = 100;
const TARGET_P99_MS = 250;
/** Every bench case belongs to this account: how a later run finds (and counts) the cases it can reuse. */
const BENCH_ACCOUNT = '00000000-0000-4000-8000-0000000b0e11';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: process.env.BENCH_CASES ?? '100000' },
    officers: { type: 'string', default: process.env.BENCH_OFFICERS ?? '50' },
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '20' },
    pool: { type: 'string', default: process.env.BENCH_POOL ?? String(DEFAULT_POOL_SIZE) },
    explain: { type: 'boolean', default: false },
    reseed: { type: 'boolean', default: false },
    'think-ms': { type: 'string', default: process.env.BENCH_THINK_MS ?? '500' },
  },
});
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sikoe_bench';
const caseCount = Number(args.cases);
const officerCount = Number(args.officers);
const seconds = Number(args.seconds);
const thinkMs = Number(args['think-ms']);

function weighted(entries: [string, number][], scale: number): string {
  return `array[${entries.flatMap(([v, w]) => Array.from({ length: Math.round(w * scale) }, () => `'${v}'`)).join(',')}]`;
}

async function ensureCases(db: Db): Promise<void> {
  const [have] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from applications where account_id = ${BENCH_ACCOUNT}`,
  );
  if (have!.n >= caseCount && !args.reseed) return console.log(`cases: ${have!.n} bench cases already there, reused`);
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`delete from passports where application_id in (select id from applications where account_id = ${BENCH_ACCOUNT})`,
    );
    await tx.execute(sql`delete from applications where account_id = ${BENCH_ACCOUNT}`);
    const units = weighted(unitWeights, 2);
    const statuses = weighted(statusWeights, 1);
    const given = `array[${givenNames.map((n) => `'${n}'`).join(',')}]`;
    const family = `array[${familyNames.map((n) => `'${n}'`).join(',')}]`;
    // h1..h3: independent pseudo-random numbers per row, so that unit, status, name and dates do not correlate.
    await tx.execute(
      sql.raw(`
      insert into applications (account_id, tracking_code, status, unit_code, nik, full_name, birth_place, birth_date, sex, marital_status,
        address, phone, email, kind, passport_type, validity_years, speed, purpose, fee_total, fee_items, fee_regulation, created_at,
        submitted_at, status_at, due_on)
      select '${BENCH_ACCOUNT}', 'SKQ' || lpad(upper(to_hex((i::bigint * 2654435761) % 68719476736)), 9, '0'), status, unit_code,
        '5371' || to_char(birth, 'DD') || to_char(birth, 'MMYY') || lpad((i % 10000)::text, 4, '0') || lpad((i / 10000)::text, 2, '0'),
        full_name, 'Kupang', birth, case when h1 % 2 = 0 then 'M' else 'F' end, 'single', 'Jl. El Tari ' || (h2 % 200) || ', Kupang',
        '0812' || lpad((h3 % 100000000)::text, 8, '0'), 'bench' || i || '@bench.sikoe.id', 'first',
        case when h2 % 3 = 0 then 'biasa' else 'elektronik' end, 10, case when h3 % 10 = 0 then 'percepatan' else 'reguler' end, 'tourism',
        950000, '[{"item":"elektronik_10y","amount":950000}]'::jsonb, 'PP 45/2024', status_at - interval '3 days', status_at - interval '3 days',
        status_at,
        case when status in (${afterBiometrics.map((s) => `'${s}'`).join(',')}) then (status_at at time zone 'Asia/Makassar')::date + (h1 % 7) end
      from (
        select i, h1, h2, h3,
          (${units})[1 + h1 % ${Math.round(100 * 2)}] as unit_code,
          (${statuses})[1 + h2 % 1000] as status,
          (${given})[1 + h3 % ${givenNames.length}] || ' ' || (${family})[1 + h1 % ${familyNames.length}] as full_name,
          date '1950-01-01' + (h2 % 20000) as birth
        from (select i, abs(hashtext('a' || i)) as h1, abs(hashtext('b' || i)) as h2, abs(hashtext('c' || i)) as h3 from generate_series(1, ${caseCount}) i) r
      ) s,
      lateral (select case when status in (${open.map((s) => `'${s}'`).join(',')})
        then now() - (h3 % 14400) * interval '1 minute' else now() - (h1 % 2628000) * interval '1 minute' end as status_at) t`),
    );
    // The printed ones have a passport; a number per case, as a unit's series would give.
    await tx.execute(sql`
      insert into passports (number, application_id, type, unit_code, holder_name, nik, birth_date, sex, issue_date, expiry_date, mrz1, mrz2, status)
      select 'B' || lpad(row_number() over (order by id)::text, 7, '0'), id, passport_type, unit_code, upper(full_name), nik, birth_date, sex,
        (status_at at time zone 'Asia/Makassar')::date, ((status_at at time zone 'Asia/Makassar')::date + interval '10 years')::date, 'P<IDN', 'bench', status
      from applications where account_id = ${BENCH_ACCOUNT} and status in ('printed', 'ready', 'handed_over')`);
  });
  // A reseed leaves the old rows dead: vacuum them away, or every scan would still walk them.
  await db.execute(sql`vacuum analyze applications`);
  await db.execute(sql`vacuum analyze passports`);
  console.log(`cases: inserted ${caseCount} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Officers of the roles that work cases, at the Kantor Imigrasi, a post and the regional office. */
async function benchOfficers(db: Db): Promise<Actor[]> {
  const plan: [OfficerRole, string][] = [];
  const roles: OfficerRole[] = [
    'counter_officer',
    'counter_officer',
    'verifier',
    'adjudicator',
    'counter_officer',
    'head_of_office',
    'verifier',
    'adjudicator',
    'admin',
    'counter_officer',
  ];
  const places = [
    'KANIM-KUPANG',
    'KANIM-KUPANG',
    'KANIM-MAUMERE',
    'KANIM-ATAMBUA',
    'KANIM-LABUAN-BAJO',
    'KANIM-KUPANG',
    'POS-ENDE',
    'KANWIL-NTT',
  ];
  for (let i = 0; i < officerCount; i++) plan.push([roles[i % roles.length]!, places[i % places.length]!]);
  const rows = plan.map(([role, unitCode], i) => ({
    email: `bench-officer-${i}@bench.sikoe.id`,
    name: `Petugas Bench ${i}`,
    role,
    unitCode,
  }));
  for (const r of rows) {
    await db.execute(sql`insert into accounts (email, name, password_hash, kind, role, unit_code, email_verified_at)
      values (${r.email}, ${r.name}, 'bench: never signs in', 'officer', ${r.role}, ${r.unitCode}, now())
      on conflict (email) do update set role = excluded.role, unit_code = excluded.unit_code`);
  }
  const accounts = await queryRows<{ id: string; email: string; name: string; role: OfficerRole; unit_code: string }>(
    db,
    sql`select id, email, name, role, unit_code from accounts where email like 'bench-officer-%@bench.sikoe.id'`,
  );
  return rows.map((r) => {
    const a = accounts.find((x) => x.email === r.email)!;
    return {
      id: a.id,
      kind: 'officer',
      role: a.role,
      unitCode: a.unit_code,
      name: a.name,
      email: a.email,
      emailVerified: true,
      mfaPassed: true,
      totpEnabled: true,
      via: 'token',
    };
  });
}

type Sample = { nik: string; tracking_code: string; full_name: string; number: string | null };
type Op = { name: string; run: () => Promise<unknown> };

/** Jiffies the machine's cores spent busy and idle so far (Linux /proc/stat): saturation shows as ~100 % busy. */
function machineTimes(): { busy: number; idle: number } {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = fields.map(Number);
  const idle = n[3]! + n[4]!;
  return { busy: n.slice(0, 8).reduce((a, b) => a + b, 0) - idle, idle };
}

const pick = <T>(items: readonly T[]): T => items[crypto.randomInt(items.length)]!;

const searchKinds = ['name prefix', 'name word', 'NIK', 'tracking code', 'passport number'] as const;
type SearchKind = (typeof searchKinds)[number];

/** A search of one kind for one sample case. */
function searchOp(db: Db, actor: Actor, kind: SearchKind, s: Sample): Op {
  const q =
    kind === 'name prefix'
      ? s.full_name.slice(0, 3 + crypto.randomInt(4))
      : kind === 'name word'
        ? s.full_name.split(' ')[1]!.slice(0, 4)
        : kind === 'NIK'
          ? s.nik
          : kind === 'tracking code'
            ? s.tracking_code.toLowerCase()
            : s.number!;
  return {
    name: `search: ${kind}`,
    run: async () => {
      const worker: Caseworker = await openCasework(db, actor, 'case.search');
      return searchCases(db, { actor, ip: '127.0.0.1' }, worker, q);
    },
  };
}

function workQueueOp(db: Db, actor: Actor, filters: WorkFilters): Op {
  return { name: 'work queue', run: async () => listWorkQueue(db, await openCasework(db, actor, 'take'), filters) };
}

/** One officer's next operation: the work queue with the filters people use, or a search of one of the kinds. */
function nextOp(db: Db, actor: Actor, samples: Sample[], turn: number): Op {
  if (turn % 2 === 0 && actor.role !== 'admin') {
    const r = Math.random();
    return workQueueOp(db, actor, r < 0.6 ? {} : r < 0.8 ? { overdue: true } : r < 0.9 ? { mine: true } : { page: 2 });
  }
  const r = Math.random();
  const kind: SearchKind =
    r < 0.3
      ? 'name prefix'
      : r < 0.45
        ? 'name word'
        : r < 0.65
          ? 'NIK'
          : r < 0.85
            ? 'tracking code'
            : 'passport number';
  return searchOp(db, actor, kind, pick(kind === 'passport number' ? samples.filter((x) => x.number) : samples));
}

/**
 * What one operation costs alone, one at a time (nothing else running): its latency, the statements it sends (each a
 * round trip), and the CPU of this Node process and of PostgreSQL's backends (when on this machine) per operation.
 */
async function costs(database: Database, actor: Actor, samples: Sample[], runs = 40): Promise<void> {
  const db = database.db;
  const kinds: { name: string; op: () => Op }[] = [
    { name: 'work queue', op: () => workQueueOp(db, actor, {}) },
    ...searchKinds.map((kind) => ({
      name: `search: ${kind}`,
      op: () => searchOp(db, actor, kind, pick(kind === 'passport number' ? samples.filter((x) => x.number) : samples)),
    })),
  ];
  console.log(
    `\nwhat each operation costs alone (${runs} runs each, one at a time, as ${actor.role}@${actor.unitCode})`,
  );
  for (const { name, op } of kinds) {
    const meter = await cpuMeter(url, null);
    const trips = database.roundTrips();
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) await op().run();
    const wallMs = (performance.now() - t0) / runs;
    const cpu = await meter();
    console.log(
      `${name.padEnd(24)} ${wallMs.toFixed(1).padStart(6)} ms, ${((database.roundTrips() - trips) / runs).toFixed(1)} round trips, Node CPU ${(cpu.node / runs).toFixed(2)} ms, PostgreSQL CPU ${cpu.postgres === null ? 'n/a' : `${(cpu.postgres / runs).toFixed(2)} ms`}`,
    );
  }
}

async function explain(db: Db, actor: Actor): Promise<void> {
  const { scope } = await openCasework(db, actor, 'take');
  const show = async (label: string, query: ReturnType<typeof sql>) => {
    const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${query}`);
    console.log(`\n${label} (${actor.unitCode}'s scope)\n${plan.map((p) => `  ${p['QUERY PLAN']}`).join('\n')}`);
  };
  await show(
    'name search "ndun"',
    sql`select id from applications a where a.status <> 'draft' and a.unit_code in ${scope}
    and to_tsvector('simple', coalesce(a.full_name, '')) @@ to_tsquery('simple', 'ndun:*') order by lower(a.full_name), a.status_at desc, a.id limit 51`,
  );
  await show(
    'counter work queue',
    sql`select a.id from applications a left join accounts h on h.id = a.holder_id
    where a.unit_code in ${scope} and a.status in ('checked_in', 'documents_incomplete', 'documents_verified', 'watchlist_cleared', 'payment_confirmed', 'approved', 'printed', 'ready')
    order by (a.due_on < current_date) is true desc, a.status_at, a.id limit 26`,
  );
}

async function main() {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: Number(args.pool) });
  const db = database.db;
  await database.migrate();
  await seedReference(db);
  await ensureCases(db);
  const officers = await benchOfficers(db);
  const samples = await queryRows<Sample>(
    db,
    sql`
    select a.nik, a.tracking_code, a.full_name, p.number from applications a left join passports p on p.application_id = a.id
    where a.account_id = ${BENCH_ACCOUNT} and a.status <> 'draft' order by random() limit 2000`,
  );
  // Some open cases held by the counter officers, for "only mine".
  await db.execute(
    sql`update applications set holder_id = null where account_id = ${BENCH_ACCOUNT} and holder_id is not null`,
  );
  for (const o of officers.filter((x) => x.role === 'counter_officer')) {
    await db.execute(sql`update applications set holder_id = ${o.id} where id in (select id from applications where account_id = ${BENCH_ACCOUNT}
      and unit_code = ${o.unitCode} and status = 'checked_in' and holder_id is null limit 5)`);
  }
  if (args.explain) await explain(db, officers[0]!);

  const byRole = officers.reduce<Record<string, number>>(
    (acc, o) => ({ ...acc, [`${o.role}@${o.unitCode}`]: (acc[`${o.role}@${o.unitCode}`] ?? 0) + 1 }),
    {},
  );
  console.log(
    `officers: ${officers.length} concurrent, ${thinkMs ? `about ${thinkMs} ms between requests` : 'no pause between requests'} (${Object.entries(
      byRole,
    )
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}); pool ${args.pool}; ${seconds} s`,
  );
  // Warm-up: plans, connections, caches.
  await Promise.all(
    officers.map(async (o, i) => {
      for (let t = 0; t < 4; t++) await nextOp(db, o, samples, i + t).run();
    }),
  );

  const latencies = new Map<string, number[]>();
  const failures = new Map<string, number>();
  const deadline = performance.now() + seconds * 1000;
  const cpuBefore = process.cpuUsage();
  const machineBefore = machineTimes();
  const started = performance.now();
  await Promise.all(
    officers.map(async (officer, i) => {
      for (let turn = i; performance.now() < deadline; turn++) {
        const op = nextOp(db, officer, samples, turn);
        const t0 = performance.now();
        try {
          await op.run();
          const list = latencies.get(op.name) ?? [];
          list.push(performance.now() - t0);
          latencies.set(op.name, list);
        } catch (err) {
          failures.set(
            `${op.name}: ${(err as Error).message}`,
            (failures.get(`${op.name}: ${(err as Error).message}`) ?? 0) + 1,
          );
        }
        if (thinkMs) await new Promise((resolve) => setTimeout(resolve, crypto.randomInt(2 * thinkMs + 1)));
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const machine = machineTimes();

  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  /** A line of the table; true when the operation met both goals. */
  const line = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    const p99 = percentile(sorted, 99);
    const ok = p95 <= TARGET_P95_MS && p99 <= TARGET_P99_MS;
    console.log(
      `${name.padEnd(24)} ${String(sorted.length).padStart(7)} ${(sorted.length / wall).toFixed(1).padStart(8)}/s  p50${ms(percentile(sorted, 50))}  p95${ms(p95)}  p99${ms(p99)}  max${ms(sorted.at(-1) ?? NaN)}  ${ok ? 'ok' : 'MISSED'}`,
    );
    return ok;
  };
  console.log(
    `\n${'operation'.padEnd(24)} ${'count'.padStart(7)} ${'rate'.padStart(10)}  latency (goal p95 ≤ ${TARGET_P95_MS} ms and p99 ≤ ${TARGET_P99_MS} ms)`,
  );
  const names = [...latencies.keys()].sort();
  const misses = names.filter((n) => !line(n, latencies.get(n)!));
  const queue = latencies.get('work queue') ?? [];
  const searches = names.filter((n) => n.startsWith('search')).flatMap((n) => latencies.get(n)!);
  console.log('');
  line('all work queue', queue);
  line('all searches', searches);
  line('all operations', [...queue, ...searches]);
  const ops = queue.length + searches.length;
  const busy = machine.busy - machineBefore.busy;
  const total = busy + machine.idle - machineBefore.idle;
  console.log(
    `CPU per operation: this Node process ${((cpu.user + cpu.system) / 1000 / ops).toFixed(2)} ms; whole machine ${((busy / total) * 100).toFixed(0)} % busy over ${wall.toFixed(1)} s (${os.cpus().length} cores)`,
  );
  for (const [failure, n] of failures) console.log(`failed ${n}×: ${failure}`);
  await costs(
    database,
    officers.find((o) => o.role === 'counter_officer')!,
    samples,
  );
  const ok = misses.length === 0 && failures.size === 0;
  console.log(
    `\n${ok ? 'PASS' : 'FAIL'}: every operation p95 ≤ ${TARGET_P95_MS} ms and p99 ≤ ${TARGET_P99_MS} ms with ${officers.length} concurrent officers over ${caseCount} cases${misses.length ? ` (missed: ${misses.join(', ')})` : ''}`,
  );
  await database.close();
  process.exitCode = ok ? 0 : 1;
}

await main();
