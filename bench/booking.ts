// npm run bench:booking [-- --driver postgres|pglite|both --capacity 200 --applicants 1000 --concurrency 200 --warmup 200 --pool N]
//
// Many distinct applicants book one unit's date over real HTTP against a server this script starts in a worker thread
// (bundled by esbuild, as `npm start` runs it; the load generator and the server get an event loop each), then the
// same number of bare booking transactions run straight through the driver at the same concurrency, and the database
// is checked: no more bookings than places, no NIK with two live appointments. Exits 1 when a check fails.
//
// Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sikoe_d), BENCH_DRIVER, BENCH_CAPACITY,
// BENCH_APPLICANTS, BENCH_CONCURRENCY, BENCH_WARMUP, BENCH_POOL, BENCH_LOG_LEVEL (default warn: no line per request),
// BENCH_PROFILE=dir (writes a CPU profile of the server thread during the timed HTTP phase there).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { build } from 'esbuild';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { applications } from '../src/applications/schema.ts';
import { newTrackingCode } from '../src/applications/tracking-code.ts';
import { bookingWindow } from '../src/appointments/booking-window.ts';
import { dayQuotas, quotaOverrides } from '../src/appointments/schema.ts';
import { loadConfig } from '../src/platform/config.ts';
import { closedDays } from '../src/holidays/closed-days.ts';
import { start, type Running } from '../src/main.ts';
import { bookStock } from '../src/passports/schema.ts';
import { newBillingCode } from '../src/payments/billing-code.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { accounts, apiTokens } from '../src/platform/auth/schema.ts';
import { hashToken, randomToken } from '../src/platform/auth/tokens.ts';
import { addDays, type IsoDate } from '../src/platform/calendar/wita.ts';
import { DEFAULT_POOL_SIZE, openDatabase, queryRows, type Database, type Db } from '../src/platform/db/index.ts';
import { units } from '../src/units/schema.ts';

type Driver = 'postgres' | 'pglite';
type Options = { capacity: number; applicants: number; concurrency: number; warmup: number; pool: number | undefined; url: string; logLevel: string };
type Applicant = { token: string; applicationId: string; accountId: string };
type Outcome = 'booked' | string;
type Phase = { attempts: number; seconds: number; outcomes: Record<Outcome, number>; latencies: number[]; cpu?: Cpu; lastBookedAt?: number };
/** CPU time spent during a phase, in ms. */
type Cpu = { node: number; client: number | null; server: number | null; postgres: number | null; machine: Machine | null };
/** Shares of the whole machine's CPU time during a phase (Linux /proc/stat): stolen by the hypervisor, idle. */
type Machine = { steal: number; idle: number };
type Fixture = { unitCode: string; httpDate: IsoDate; bareDate: IsoDate; warmHttpDate: IsoDate; warmBareDate: IsoDate };

// ───────────────────────────────────────────── shared ─────────────────────────────────────────────

/** Runs `count` tasks with at most `concurrency` in flight; returns the wall time in seconds. */
async function drive(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

function tally(outcomes: Outcome[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

// ───────────────────────────────────────────── worker: the server and the database ─────────────────────────────────────────────

async function openDb(driver: Driver, options: Options, dataDir: string): Promise<Database> {
  return driver === 'postgres'
    ? openDatabase({ kind: 'postgres', url: options.url, poolSize: options.pool })
    : openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
}

/** NIKs nobody holds a live appointment with: random birth dates and serials, re-drawn on the rare clash with an earlier run. */
async function freshNiks(db: Db, count: number): Promise<string[]> {
  const niks = new Set<string>();
  const draw = () => {
    const day = String(1 + crypto.randomInt(28)).padStart(2, '0');
    const month = String(1 + crypto.randomInt(12)).padStart(2, '0');
    const year = String(50 + crypto.randomInt(50)).padStart(2, '0');
    return `537101${day}${month}${year}${1000 + crypto.randomInt(9000)}`;
  };
  while (niks.size < count) {
    const batch: string[] = [];
    while (batch.length < count - niks.size) {
      const nik = draw();
      if (!niks.has(nik) && !batch.includes(nik)) batch.push(nik);
    }
    const taken = new Set(
      (await queryRows<{ nik: string }>(db, sql`select nik from appointments where state in ('booked', 'paid') and nik in ${batch}`)).map((r) => r.nik),
    );
    for (const nik of batch) if (!taken.has(nik)) niks.add(nik);
  }
  return [...niks];
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Accounts with a bearer token each, and one submitted application per account, for the unit. */
async function makeApplicants(db: Db, run: string, tag: string, unitCode: string, count: number, passwordHash: string): Promise<Applicant[]> {
  const niks = await freshNiks(db, count);
  const people = niks.map((nik, i) => ({
    accountId: crypto.randomUUID(),
    applicationId: crypto.randomUUID(),
    token: randomToken('sikoe_'),
    email: `bench-${run}-${tag}-${i}@bench.sikoe.id`,
    nik,
  }));
  await insertChunked(people, (chunk) =>
    db.insert(accounts).values(chunk.map((p) => ({ id: p.accountId, email: p.email, name: 'Bench Applicant', passwordHash, kind: 'citizen' as const, emailVerifiedAt: new Date() }))),
  );
  await insertChunked(people, (chunk) =>
    db.insert(apiTokens).values(chunk.map((p) => ({ accountId: p.accountId, name: 'bench', tokenHash: hashToken(p.token), prefix: p.token.slice(0, 12), expiresAt: new Date(Date.now() + 86_400_000) }))),
  );
  await insertChunked(people, (chunk) =>
    db.insert(applications).values(
      chunk.map((p) => ({
        id: p.applicationId,
        accountId: p.accountId,
        trackingCode: newTrackingCode(),
        status: 'submitted',
        unitCode,
        nik: p.nik,
        fullName: 'Bench Applicant',
        birthPlace: 'Kupang',
        birthDate: `19${p.nik.slice(10, 12)}-${p.nik.slice(8, 10)}-${p.nik.slice(6, 8)}`,
        sex: 'M' as const,
        maritalStatus: 'single' as const,
        address: 'Jl. El Tari 1, Kupang',
        phone: '081234567890',
        email: p.email,
        kind: 'first' as const,
        passportType: 'elektronik' as const,
        validityYears: 10 as const,
        speed: 'reguler' as const,
        purpose: 'tourism' as const,
        feeTotal: 950_000,
        feeItems: [{ item: 'elektronik_10y', amount: 950_000 }],
        feeRegulation: 'PP 45/2024',
        submittedAt: new Date(),
      })),
    ),
  );
  return people.map((p) => ({ token: p.token, applicationId: p.applicationId, accountId: p.accountId }));
}

/** A unit of the bench's own with four open serving days: HTTP and bare, each with a warm-up day. */
async function makeFixture(running: Running, options: Options): Promise<Fixture> {
  const db = running.database.db;
  const unitCode = `BENCH-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  const weekdays = [['08:00', '16:00']] as [string, string][];
  await db.insert(units).values({
    code: unitCode,
    name: `Kantor Imigrasi Bench ${unitCode}`,
    kind: 'kanim',
    parentCode: 'KANWIL-NTT',
    regencyCode: '53.71',
    address: 'Kota Kupang',
    services: ['passport'],
    openingHours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: [], sun: [] },
  });
  await db.insert(bookStock).values([
    { unitCode, passportType: 'biasa', quantity: 1_000_000 },
    { unitCode, passportType: 'elektronik', quantity: 1_000_000 },
  ]);
  // Serving days well inside the window, away from its edges (the newest day opens at 08:00 WITA).
  const window = bookingWindow(new Date(), running.app.deps.config.booking);
  const closed = await closedDays(db, unitCode, window.from, window.to);
  const open: IsoDate[] = [];
  for (let d = addDays(window.from, 1); d < window.to && open.length < 4; d = addDays(d, 1)) if (!closed.has(d)) open.push(d);
  if (open.length < 4) throw new Error('fewer than four serving days in the booking window');
  const [warmHttpDate, httpDate, warmBareDate, bareDate] = open as [IsoDate, IsoDate, IsoDate, IsoDate];
  const warmCapacity = Math.max(1, Math.floor(options.warmup / 5));
  await db.insert(quotaOverrides).values([
    { unitCode, date: httpDate, channel: 'online', capacity: options.capacity },
    { unitCode, date: warmHttpDate, channel: 'online', capacity: warmCapacity },
  ]);
  // The bare transaction starts from an existing day counter, as every booking but a date's first does.
  await db.insert(dayQuotas).values([
    { unitCode, date: bareDate, channel: 'online', capacity: options.capacity, booked: 0 },
    { unitCode, date: warmBareDate, channel: 'online', capacity: warmCapacity, booked: 0 },
  ]);
  return { unitCode, httpDate, bareDate, warmHttpDate, warmBareDate };
}

type BareClient = { transaction(work: (q: (text: string, params: unknown[]) => Promise<{ rowCount: number; rows: { id?: string }[] }>) => Promise<boolean>): Promise<boolean>; close(): Promise<void> };

/** The driver itself, no drizzle, no HTTP: a pg Pool as large as the server's, or the server's PGlite. */
function bareClient(driver: Driver, running: Running, options: Options): BareClient {
  if (driver === 'pglite') {
    const client = (running.database.db as unknown as { $client: PGlite }).$client;
    return {
      transaction: (work) =>
        client.transaction(async (tx) => {
          const took = await work(async (text, params) => {
            const r = await tx.query<{ id?: string }>(text, params);
            return { rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
          });
          if (!took) await tx.rollback();
          return took;
        }),
      close: async () => undefined,
    };
  }
  const pool = new pg.Pool({ connectionString: options.url, max: options.pool ?? DEFAULT_POOL_SIZE });
  return {
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const took = await work(async (text, params) => {
          const r = await client.query<{ id?: string }>(text, params);
          return { rowCount: r.rowCount ?? 0, rows: r.rows };
        });
        await client.query(took ? 'commit' : 'rollback');
        return took;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The booking transaction's writes as plain SQL: conditional counter update, appointment, billing, action. */
async function bareRun(bare: BareClient, unitCode: string, date: IsoDate, people: { applicationId: string; nik: string; accountId: string }[], concurrency: number): Promise<Phase> {
  const outcomes: Outcome[] = [];
  const latencies: number[] = [];
  const started = performance.now();
  let lastBookedAt = 0;
  const seconds = await drive(people.length, concurrency, async (i) => {
    const p = people[i]!;
    const t0 = performance.now();
    const took = await bare.transaction(async (q) => {
      const place = await q(`update day_quotas set booked = booked + 1 where unit_code = $1 and date = $2 and channel = 'online' and booked < capacity returning booked`, [unitCode, date]);
      if (place.rowCount !== 1) return false;
      const appointment = await q(`insert into appointments (application_id, unit_code, date, channel, nik) values ($1, $2, $3, 'online', $4) returning id`, [p.applicationId, unitCode, date, p.nik]);
      const appointmentId = appointment.rows[0]!.id!;
      const code = newBillingCode();
      await q(`insert into billings (code, appointment_id, application_id, amount, expires_at) values ($1, $2, $3, $4, $5)`, [code, appointmentId, p.applicationId, 950_000, new Date(Date.now() + 7_200_000)]);
      await q(`insert into application_actions (application_id, type, actor_id, payload) values ($1, 'appointment_booked', $2, $3)`, [
        p.applicationId,
        p.accountId,
        JSON.stringify({ status: 'booked', appointmentId, date, unitCode, billingCode: code }),
      ]);
      return true;
    });
    const t1 = performance.now();
    latencies.push(t1 - t0);
    outcomes.push(took ? 'booked' : 'quota_full');
    if (took) lastBookedAt = (t1 - started) / 1000;
  });
  return { attempts: people.length, seconds, outcomes: tally(outcomes), latencies, lastBookedAt };
}

/** Bare applicants: applications only (the bare path authenticates nobody), on existing accounts. */
async function makeBareApplicants(db: Db, unitCode: string, count: number, accountId: string) {
  const niks = await freshNiks(db, count);
  const people = niks.map((nik) => ({ applicationId: crypto.randomUUID(), nik, accountId }));
  await insertChunked(people, (chunk) =>
    db.insert(applications).values(chunk.map((p) => ({ id: p.applicationId, accountId, trackingCode: newTrackingCode(), status: 'submitted', unitCode, nik: p.nik, passportType: 'elektronik' as const, feeTotal: 950_000 }))),
  );
  return people;
}

type Check = { name: string; ok: boolean; detail: string };

async function verify(db: Db, unitCode: string, date: IsoDate, capacity: number, bookedOverHttp: number | null): Promise<Check[]> {
  const [live] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from appointments where unit_code = ${unitCode} and date = ${date} and state in ('booked', 'paid')`);
  const [counter] = await queryRows<{ booked: number; capacity: number }>(db, sql`select booked, capacity from day_quotas where unit_code = ${unitCode} and date = ${date} and channel = 'online'`);
  const doubles = await queryRows<{ nik: string; n: number }>(db, sql`select nik, count(*)::int as n from appointments where state in ('booked', 'paid') group by nik having count(*) > 1 limit 5`);
  const n = live!.n;
  const checks: Check[] = [
    { name: 'live appointments ≤ capacity', ok: n <= capacity, detail: `${n} ≤ ${capacity}` },
    { name: 'day counter matches appointments', ok: counter?.booked === n && counter.booked <= counter.capacity, detail: `counter ${counter?.booked}/${counter?.capacity}, appointments ${n}` },
    { name: 'no NIK with two live appointments (whole database)', ok: doubles.length === 0, detail: doubles.length === 0 ? 'none' : doubles.map((d) => `${d.nik}×${d.n}`).join(', ') },
  ];
  if (bookedOverHttp !== null) checks.push({ name: 'HTTP 201s = appointments in the database', ok: bookedOverHttp === n, detail: `${bookedOverHttp} = ${n}` });
  return checks;
}

async function serverWorker() {
  const { driver, options } = workerData as { driver: Driver; options: Options };
  const port = parentPort!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-bench-booking-'));
  const t0 = performance.now();
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: options.logLevel, ...(driver === 'postgres' ? { DATABASE_URL: options.url } : {}) });
  const running = await start(config, await openDb(driver, options, dataDir));
  const startSeconds = (performance.now() - t0) / 1000;
  const db = running.database.db;
  const address = running.app.server.address();
  const t1 = performance.now();
  const fixture = await makeFixture(running, options);
  const run = crypto.randomUUID().slice(0, 8);
  const passwordHash = await hashPassword(crypto.randomUUID());
  const warm = await makeApplicants(db, run, 'w', fixture.unitCode, options.warmup, passwordHash);
  const timed = await makeApplicants(db, run, 't', fixture.unitCode, options.applicants, passwordHash);
  const bareWarm = await makeBareApplicants(db, fixture.unitCode, options.warmup, timed[0]!.accountId);
  const bareTimed = await makeBareApplicants(db, fixture.unitCode, options.applicants, timed[0]!.accountId);
  const prepareSeconds = (performance.now() - t1) / 1000;
  port.postMessage({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0, tid: ownThreadId(), fixture, warm, timed, startSeconds, prepareSeconds });

  let profiler: inspector.Session | undefined;
  let bare: BareClient | undefined;
  const post = (session: inspector.Session, method: string) => new Promise((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  port.on('message', async (msg: { type: string; bookedOverHttp?: number }) => {
    try {
      if (msg.type === 'bare-warm') {
        bare = bareClient(driver, running, options);
        await bareRun(bare, fixture.unitCode, fixture.warmBareDate, bareWarm, options.concurrency);
        port.postMessage({ type: 'bare-warm' });
      } else if (msg.type === 'bare') {
        const phase = await bareRun(bare!, fixture.unitCode, fixture.bareDate, bareTimed, options.concurrency);
        port.postMessage({ type: 'bare', phase });
      } else if (msg.type === 'bare-close') {
        await bare!.close();
        port.postMessage({ type: 'bare-closed' });
      } else if (msg.type === 'profile-start') {
        profiler = new inspector.Session();
        profiler.connect();
        await post(profiler, 'Profiler.enable');
        await post(profiler, 'Profiler.start');
        port.postMessage({ type: 'profiling' });
      } else if (msg.type === 'profile-stop') {
        const { profile } = (await post(profiler!, 'Profiler.stop')) as { profile: unknown };
        const file = path.resolve(process.env.BENCH_PROFILE!, `booking-${driver}-${Date.now()}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(profile));
        profiler!.disconnect();
        port.postMessage({ type: 'profiled', file });
      } else if (msg.type === 'verify') {
        const checks = [
          ...(await verify(db, fixture.unitCode, fixture.httpDate, options.capacity, msg.bookedOverHttp ?? null)),
          ...(await verify(db, fixture.unitCode, fixture.bareDate, options.capacity, null)).slice(0, 2).map((c) => ({ ...c, name: `bare: ${c.name}` })),
        ];
        port.postMessage({ type: 'verify', checks });
      } else if (msg.type === 'stop') {
        await running.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
        port.postMessage({ type: 'stopped' });
      }
    } catch (err) {
      port.postMessage({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}

// ───────────────────────────────────────────── main thread: the load and the report ─────────────────────────────────────────────

function request(agent: http.Agent, port: number, applicant: Applicant, date: IsoDate): Promise<Outcome> {
  const body = JSON.stringify({ date });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/applications/${applicant.applicationId}/appointment`,
        headers: { authorization: `Bearer ${applicant.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'accept-language': 'en' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 201) return resolve('booked');
          try {
            const code = (JSON.parse(Buffer.concat(chunks).toString()) as { error?: { code?: string } }).error?.code;
            resolve(code ?? `http_${res.statusCode}`);
          } catch {
            resolve(`http_${res.statusCode}`);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function httpRun(agent: http.Agent, port: number, people: Applicant[], date: IsoDate, concurrency: number): Promise<Phase> {
  const outcomes: Outcome[] = [];
  const latencies: number[] = [];
  const started = performance.now();
  let lastBookedAt = 0;
  const seconds = await drive(people.length, concurrency, async (i) => {
    const t0 = performance.now();
    const outcome = await request(agent, port, people[i]!, date).catch((err: unknown) => `network_error(${(err as { code?: string }).code ?? 'unknown'})`);
    const t1 = performance.now();
    latencies.push(t1 - t0);
    outcomes.push(outcome);
    if (outcome === 'booked') lastBookedAt = (t1 - started) / 1000;
  });
  return { attempts: people.length, seconds, outcomes: tally(outcomes), latencies, lastBookedAt };
}

const clockTicks = 100; // USER_HZ on Linux

/** CPU time of one of this process's threads, in ms (Linux), or null. */
function threadCpu(tid: number | null): number | null {
  if (tid === null) return null;
  try {
    const fields = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return null;
  }
}

function machineTicks(): number[] | null {
  try {
    return fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  } catch {
    return null;
  }
}

/** The calling thread's id (Linux), for telling the server thread's CPU time apart. */
function ownThreadId(): number | null {
  try {
    return Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1));
  } catch {
    return null;
  }
}

/**
 * CPU time spent during a phase: this process split into the load generator (the main thread), the server thread
 * and the rest (V8's garbage collection and compiler threads), and the database's PostgreSQL backends when they run
 * on this machine.
 */
async function cpuMeter(url: string | null, serverTid: number | null): Promise<() => Promise<Cpu>> {
  const backends = async (): Promise<Map<number, number> | null> => {
    if (!url) return null;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      const ticks = new Map<number, number>();
      for (const { pid } of rows) {
        try {
          const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          ticks.set(pid, Number(fields[11]) + Number(fields[12]));
        } catch {
          return null; // not on this machine
        }
      }
      return ticks;
    } finally {
      await client.end();
    }
  };
  const node0 = process.cpuUsage();
  const client0 = threadCpu(process.pid);
  const server0 = threadCpu(serverTid);
  const pg0 = await backends();
  const machine0 = machineTicks();
  return async () => {
    const machine1 = machineTicks();
    const node = process.cpuUsage(node0);
    const client1 = threadCpu(process.pid);
    const server1 = threadCpu(serverTid);
    const pg1 = pg0 ? await backends() : null;
    let postgres: number | null = null;
    if (pg0 && pg1) {
      postgres = 0;
      for (const [pid, ticks] of pg1) postgres += ((ticks - (pg0.get(pid) ?? 0)) * 1000) / clockTicks;
    }
    const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
    let machine: Machine | null = null;
    if (machine0 && machine1) {
      const d = machine1.map((v, i) => v - machine0[i]!);
      const total = d.reduce((a, b) => a + b, 0) || 1;
      machine = { idle: (d[3]! + d[4]!) / total, steal: d[7]! / total };
    }
    return { node: (node.user + node.system) / 1000, client: delta(client0, client1), server: delta(server0, server1), postgres, machine };
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function describeCpu(cpu: Cpu, attempts: number, thread: string): string {
  const ms = (v: number) => `${(v / attempts).toFixed(2)} ms`;
  const parts: string[] = [];
  if (cpu.server !== null && cpu.client !== null && cpu.server > 0) {
    parts.push(`${thread} ${ms(cpu.server)}, load generator ${ms(cpu.client)}, other Node threads (GC, compiler) ${ms(cpu.node - cpu.server - cpu.client)}`);
  } else parts.push(`Node ${ms(cpu.node)}`);
  if (cpu.postgres !== null) parts.push(`PostgreSQL ${ms(cpu.postgres)}`);
  const machine = cpu.machine ? `; machine: ${(cpu.machine.idle * 100).toFixed(0)}% idle, ${(cpu.machine.steal * 100).toFixed(0)}% stolen by the hypervisor` : '';
  return parts.join(', ') + machine;
}

function describePhase(label: string, phase: Phase, thread: string): string[] {
  const sorted = [...phase.latencies].sort((a, b) => a - b);
  const { booked = 0, ...refused } = phase.outcomes;
  const reasons = Object.entries(refused)
    .sort(([, a], [, b]) => b - a)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    `${label}: ${phase.attempts} attempts in ${phase.seconds.toFixed(2)} s → ${(phase.attempts / phase.seconds).toFixed(0)} attempts/s`,
    `  booked ${booked}${booked > 0 && phase.lastBookedAt ? ` (the last after ${phase.lastBookedAt.toFixed(2)} s)` : ''}, refused ${phase.attempts - booked}${reasons ? ` (${reasons})` : ''}`,
    `  latency p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? NaN)}`,
    ...(phase.cpu ? [`  CPU per attempt: ${describeCpu(phase.cpu, phase.attempts, thread)}`] : []),
  ];
}

type Ready = { port: number; tid: number | null; fixture: Fixture; warm: Applicant[]; timed: Applicant[]; startSeconds: number; prepareSeconds: number };

let bundled: Promise<string> | undefined;
/**
 * The server thread runs this file bundled by esbuild, as `npm start` runs the sources (see bin/sikoe.js), rather
 * than through tsx, whose loader keeps every transpiled file and its source map in the heap.
 */
function serverBundle(): Promise<string> {
  return (bundled ??= (async () => {
    // Inside the project, where the server finds its files and packages (dist/ is not committed).
    const outfile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', `bench-booking-${process.pid}.mjs`);
    process.once('exit', () => fs.rmSync(outfile, { force: true }));
    await build({
      entryPoints: [fileURLToPath(import.meta.url)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      logLevel: 'warning',
    });
    return outfile;
  })());
}

async function benchDriver(driver: Driver, options: Options): Promise<boolean> {
  const worker = new Worker(await serverBundle(), { workerData: { driver, options } });
  const queue: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  const failed = new Promise<never>((_, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`server worker exited (${code})`)));
  });
  worker.on('message', (m: { type: string; message?: string }) => {
    if (m.type === 'error') return void worker.emit('error', new Error(m.message));
    const waiter = waiters.shift();
    if (waiter) waiter(m);
    else queue.push(m);
  });
  const next = <T>(): Promise<T> => Promise.race([new Promise<T>((r) => (queue.length ? r(queue.shift() as T) : waiters.push(r as (m: unknown) => void))), failed]);

  const ready = await next<Ready>();
  const { fixture } = ready;
  const where = driver === 'postgres' ? `PostgreSQL ${options.url.replace(/\/\/[^@/]*@/, '//')}` : 'PGlite (in the server thread)';
  const out = [
    `── ${where}`,
    `unit ${fixture.unitCode}, date ${fixture.httpDate}: capacity ${options.capacity}, ${options.applicants} applicants, concurrency ${options.concurrency}, server pool ${driver === 'postgres' ? (options.pool ?? DEFAULT_POOL_SIZE) : '1 (PGlite)'}, LOG_LEVEL ${options.logLevel}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    `server start (migrate + seed) ${ready.startSeconds.toFixed(1)} s, prepared ${options.applicants + options.warmup} applicants with tokens in ${ready.prepareSeconds.toFixed(1)} s`,
  ];
  console.log(out.join('\n'));

  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  if (options.warmup > 0) await httpRun(agent, ready.port, ready.warm, fixture.warmHttpDate, options.concurrency);
  // BENCH_PROFILE=dir: a CPU profile of the server thread during the timed HTTP phase.
  if (process.env.BENCH_PROFILE) {
    worker.postMessage({ type: 'profile-start' });
    await next();
  }
  const meter = await cpuMeter(driver === 'postgres' ? options.url : null, ready.tid);
  const httpPhase = await httpRun(agent, ready.port, ready.timed, fixture.httpDate, options.concurrency);
  httpPhase.cpu = await meter();
  if (process.env.BENCH_PROFILE) {
    worker.postMessage({ type: 'profile-stop' });
    console.log(`server profile: ${(await next<{ file: string }>()).file}`);
  }
  agent.destroy();
  worker.postMessage({ type: 'bare-warm' });
  await next();
  const bareMeter = await cpuMeter(driver === 'postgres' ? options.url : null, ready.tid);
  worker.postMessage({ type: 'bare' });
  const { phase: barePhase } = await next<{ phase: Phase }>();
  barePhase.cpu = await bareMeter();
  worker.postMessage({ type: 'bare-close' });
  await next();
  worker.postMessage({ type: 'verify', bookedOverHttp: httpPhase.outcomes.booked ?? 0 });
  const { checks } = await next<{ checks: Check[] }>();
  worker.postMessage({ type: 'stop' });
  await next();
  await worker.terminate();

  const httpRate = httpPhase.attempts / httpPhase.seconds;
  const bareRate = barePhase.attempts / barePhase.seconds;
  const expected = Math.min(options.capacity, options.applicants);
  const allTaken = { name: 'every place taken, every refusal quota_full', ok: (httpPhase.outcomes.booked ?? 0) === expected && Object.keys(httpPhase.outcomes).every((k) => k === 'booked' || k === 'quota_full'), detail: `booked ${httpPhase.outcomes.booked ?? 0} of ${expected}` };
  const all = [...checks, allTaken];
  console.log(
    [
      ...describePhase(`HTTP${options.warmup > 0 ? ` (after a warm-up of ${options.warmup} on another date)` : ''}`, httpPhase, 'server thread'),
      ...describePhase(`bare transaction through ${driver === 'postgres' ? 'pg' : 'PGlite'}`, barePhase, driver === 'postgres' ? 'pg client thread' : 'PGlite thread'),
      `ratio HTTP/bare: ${(httpRate / bareRate).toFixed(2)}`,
      `database checks:`,
      ...all.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
      '',
    ].join('\n'),
  );
  return all.every((c) => c.ok);
}

async function main() {
  const { values } = parseArgs({
    options: {
      driver: { type: 'string', default: process.env.BENCH_DRIVER ?? 'both' },
      capacity: { type: 'string', default: process.env.BENCH_CAPACITY ?? '200' },
      applicants: { type: 'string', default: process.env.BENCH_APPLICANTS ?? '1000' },
      concurrency: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '200' },
      warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '200' },
      pool: { type: 'string', default: process.env.BENCH_POOL },
      'log-level': { type: 'string', default: process.env.BENCH_LOG_LEVEL ?? 'warn' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/sikoe_d' },
    },
  });
  const int = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  const options: Options = {
    capacity: int('capacity', values.capacity, 1),
    applicants: int('applicants', values.applicants, 1),
    concurrency: int('concurrency', values.concurrency, 1),
    warmup: int('warmup', values.warmup, 0),
    pool: values.pool === undefined ? undefined : int('pool', values.pool, 1),
    url: values['database-url']!,
    logLevel: values['log-level']!,
  };
  const drivers: Driver[] = values.driver === 'both' ? ['postgres', 'pglite'] : values.driver === 'postgres' || values.driver === 'pglite' ? [values.driver] : [];
  if (drivers.length === 0) throw new Error('--driver must be postgres, pglite or both');
  console.log(`bench:booking on ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  let ok = true;
  for (const driver of drivers) ok = (await benchDriver(driver, options)) && ok;
  if (!ok) console.log('A database check FAILED.');
  process.exitCode = ok ? 0 : 1;
}

if (isMainThread) await main();
else await serverWorker();
