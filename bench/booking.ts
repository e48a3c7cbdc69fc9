// npm run bench:booking [-- --driver postgres|pglite|both --capacity 200 --applicants 1000 --concurrency 200 --warmup 200 --pool N]
//
// Many distinct applicants book one unit's date over real HTTP against a server this script starts in a worker thread
// (bundled by esbuild, as `npm start` runs it; the load generator and the server get an event loop each), then the
// same number of bare booking transactions run straight through the driver at the same concurrency, and the database
// is checked: no more bookings than places, no NIK with two live appointments. Exits 1 when a check fails.
//
// Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sikoe_bench_booking, made anew each run; a
// database named here or by --database-url must exist, and is kept), BENCH_DRIVER, BENCH_CAPACITY,
// BENCH_APPLICANTS, BENCH_CONCURRENCY, BENCH_WARMUP, BENCH_POOL, BENCH_LOG_LEVEL (default warn: no line per request),
// BENCH_PROFILE=dir (writes a CPU profile of the server thread during the timed HTTP phase there).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../src/platform/config.ts';
import { start } from '../src/main.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { type IsoDate } from '../src/platform/calendar/wita.ts';
import { DEFAULT_POOL_SIZE, openDatabase, type Database } from '../src/platform/db/index.ts';
import {
  makeApplicants,
  makeBareApplicants,
  makeFixture,
  type Applicant,
  type Driver,
  type Fixture,
  type Options,
} from './booking-fixture.ts';
import { cpuMeter, ownThreadId } from './cpu.ts';
import { bareClient, bareRun, type BareClient } from './booking-bare.ts';
import { describePhase, percentile, type Phase } from './load.ts';
import { verifyBookings, type Check } from './booking-checks.ts';
import { httpRun, request } from './booking-http.ts';
import { bundleSelf } from './bundle-self.ts';
import { benchAuditKeyFile, ensureBenchDatabase } from './bench-database.ts';

// ───────────────────────────────────────────── worker: the server and the database ─────────────────────────────────────────────

async function openDb(driver: Driver, options: Options, dataDir: string): Promise<Database> {
  return driver === 'postgres'
    ? openDatabase({ kind: 'postgres', url: options.url, poolSize: options.pool })
    : openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
}

async function serverWorker() {
  const { driver, options } = workerData as { driver: Driver; options: Options };
  const port = parentPort!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-bench-booking-'));
  const t0 = performance.now();
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: options.logLevel,
    // The booking path alone, whatever the hour: bench:waiting-room measures the room in front of it.
    WAITING_ROOM_ADMIT_PER_MINUTE: '0',
    ...(driver === 'postgres'
      ? { DATABASE_URL: options.url, AUDIT_SIGNING_KEY_FILE: benchAuditKeyFile(options.url) }
      : {}),
  });
  const running = await start(config, await openDb(driver, options, dataDir));
  const startSeconds = (performance.now() - t0) / 1000;
  const db = running.database.db;
  const address = running.app.server.address();
  const t1 = performance.now();
  const fixture = await makeFixture(db, running.app.deps.config.booking, options);
  const run = crypto.randomUUID().slice(0, 8);
  const passwordHash = await hashPassword(crypto.randomUUID());
  const warm = await makeApplicants(db, run, 'w', fixture.unitCode, options.warmup, passwordHash);
  const timed = await makeApplicants(db, run, 't', fixture.unitCode, options.applicants, passwordHash);
  const [probe] = await makeApplicants(db, run, 'p', fixture.unitCode, 1, passwordHash);
  const bareWarm = await makeBareApplicants(db, fixture.unitCode, options.warmup, timed[0]!.accountId);
  const bareTimed = await makeBareApplicants(db, fixture.unitCode, options.applicants, timed[0]!.accountId);
  const prepareSeconds = (performance.now() - t1) / 1000;
  port.postMessage({
    type: 'ready',
    port: typeof address === 'object' && address ? address.port : 0,
    tid: ownThreadId(),
    fixture,
    warm,
    timed,
    probe,
    startSeconds,
    prepareSeconds,
  });

  let profiler: inspector.Session | undefined;
  let bare: BareClient | undefined;
  const post = (session: inspector.Session, method: string) =>
    new Promise((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  const onMessage = async (msg: { type: string; bookedOverHttp?: number }) => {
    try {
      if (msg.type === 'bare-warm') {
        bare = bareClient(driver, running, options);
        await bareRun(bare, fixture.unitCode, fixture.warmBareDate, bareWarm, options.concurrency);
        port.postMessage({ type: 'bare-warm' });
      } else if (msg.type === 'bare') {
        const before = bare!.roundTrips();
        const phase = await bareRun(bare!, fixture.unitCode, fixture.bareDate, bareTimed, options.concurrency);
        phase.roundTrips = bare!.roundTrips() - before;
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
      } else if (msg.type === 'drain-jobs') {
        // The bookings' confirmation mails, so that neither the probes nor the bare phase share the machine with them;
        // then the runner stops polling, so the probes count their own statements only.
        await running.app.deps.jobs.stop();
        while ((await running.app.deps.jobs.runDue()) > 0);
        port.postMessage({ type: 'drained' });
      } else if (msg.type === 'round-trips') {
        const limiter = running.app.rateLimitCounter?.statements ?? 0;
        port.postMessage({ type: 'round-trips', n: running.database.roundTrips(), limiter });
      } else if (msg.type === 'verify') {
        const checks = [
          ...(await verifyBookings(
            db,
            fixture.unitCode,
            fixture.httpDate,
            options.capacity,
            msg.bookedOverHttp ?? null,
          )),
          ...(await verifyBookings(db, fixture.unitCode, fixture.bareDate, options.capacity, null))
            .slice(0, 2)
            .map((c) => ({ ...c, name: `bare: ${c.name}` })),
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
  };
  port.on('message', (msg: { type: string; bookedOverHttp?: number }) => void onMessage(msg));
}

// ───────────────────────────────────────────── main thread: the load and the report ─────────────────────────────────────────────

type Ready = {
  port: number;
  tid: number | null;
  fixture: Fixture;
  warm: Applicant[];
  timed: Applicant[];
  probe: Applicant;
  startSeconds: number;
  prepareSeconds: number;
};

let bundled: Promise<string> | undefined;
/** The server thread runs this file bundled once (see bundle-self.ts). */
function serverBundle(): Promise<string> {
  return (bundled ??= bundleSelf(import.meta.url, 'booking'));
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
  const next = <T>(): Promise<T> =>
    Promise.race([
      new Promise<T>((r) => (queue.length ? r(queue.shift() as T) : waiters.push(r as (m: unknown) => void))),
      failed,
    ]);

  const ready = await next<Ready>();
  const { fixture } = ready;
  const where =
    driver === 'postgres' ? `PostgreSQL ${options.url.replace(/\/\/[^@/]*@/, '//')}` : 'PGlite (in the server thread)';
  const out = [
    `── ${where}`,
    `unit ${fixture.unitCode}, date ${fixture.httpDate}: capacity ${options.capacity}, ${options.applicants} applicants, concurrency ${options.concurrency}, server pool ${driver === 'postgres' ? (options.pool ?? DEFAULT_POOL_SIZE) : '1 (PGlite)'}, LOG_LEVEL ${options.logLevel}, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
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
  /** Statements sent by the server, and those of them the shared rate limiter sent (one per event-loop turn). */
  const counts = async () => {
    worker.postMessage({ type: 'round-trips' });
    return next<{ n: number; limiter: number }>();
  };
  const meter = await cpuMeter(driver === 'postgres' ? options.url : null, ready.tid);
  const tripsBefore = await counts();
  const httpPhase = await httpRun(agent, ready.port, ready.timed, fixture.httpDate, options.concurrency);
  const tripsAfter = await counts();
  httpPhase.roundTrips = tripsAfter.n - tripsBefore.n;
  const limiterTrips = tripsAfter.limiter - tripsBefore.limiter;
  httpPhase.cpu = await meter();
  worker.postMessage({ type: 'drain-jobs' });
  await next();
  // One request at a time, so the driver's count is that request's: a booking, the same request again, a refusal.
  // The shared rate limiter's statement is counted apart: one per event-loop turn, shared by every request in it.
  const probe = async (applicant: Applicant, date: IsoDate) => {
    const before = await counts();
    const outcome = await request(agent, ready.port, applicant, date);
    const after = await counts();
    const limiter = after.limiter - before.limiter;
    return { outcome, trips: after.n - before.n - limiter, limiter };
  };
  // Someone the timed phase refused (arrival, not the list's order, decided who got a place).
  const refused = ready.timed[Math.max(0, httpPhase.outcomeOf!.indexOf('quota_full'))]!;
  const probes = {
    booking: await probe(ready.probe, fixture.probeDate),
    resent: await probe(ready.probe, fixture.probeDate),
    refusal: await probe(refused, fixture.httpDate),
  };
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
  const allTaken = {
    name: 'every place taken, every refusal quota_full',
    ok:
      (httpPhase.outcomes.booked ?? 0) === expected &&
      Object.keys(httpPhase.outcomes).every((k) => k === 'booked' || k === 'quota_full'),
    detail: `booked ${httpPhase.outcomes.booked ?? 0} of ${expected}`,
  };
  const probed = {
    name: 'probes: a booking booked, the same request again answered with it, a refusal quota_full',
    ok:
      probes.booking.outcome === 'booked' &&
      probes.resent.outcome === 'booked' &&
      probes.refusal.outcome === 'quota_full',
    detail: `${probes.booking.outcome}, ${probes.resent.outcome}, ${probes.refusal.outcome}`,
  };
  const all = [...checks, allTaken, probed];
  const p99 = percentile(
    [...httpPhase.latencies].sort((a, b) => a - b),
    99,
  );
  const serverMs = httpPhase.cpu?.server != null ? httpPhase.cpu.server / httpPhase.attempts : NaN;
  const goals: Check[] =
    driver === 'postgres'
      ? [
          { name: 'HTTP ≥ 0.6 × bare', ok: httpRate >= 0.6 * bareRate, detail: (httpRate / bareRate).toFixed(2) },
          { name: 'HTTP ≥ 600 attempts/s', ok: httpRate >= 600, detail: httpRate.toFixed(0) },
          { name: 'HTTP p99 ≤ 500 ms', ok: p99 <= 500, detail: `${p99.toFixed(1)} ms` },
          {
            name: 'server-thread CPU ≤ 1.0 ms per attempt',
            ok: serverMs <= 1.0,
            detail: `${serverMs.toFixed(2)} ms`,
          },
        ]
      : [{ name: 'HTTP ≥ 0.3 × bare', ok: httpRate >= 0.3 * bareRate, detail: (httpRate / bareRate).toFixed(2) }];
  goals.push(
    { name: 'a booking in ≤ 3 round trips', ok: probes.booking.trips <= 3, detail: String(probes.booking.trips) },
    { name: 'a refusal in ≤ 1 round trip', ok: probes.refusal.trips <= 1, detail: String(probes.refusal.trips) },
  );
  console.log(
    [
      ...describePhase(
        `HTTP${options.warmup > 0 ? ` (after a warm-up of ${options.warmup} on another date)` : ''}`,
        httpPhase,
        'server thread',
      ),
      ...describePhase(
        `bare transaction through ${driver === 'postgres' ? 'pg' : 'PGlite'}`,
        barePhase,
        driver === 'postgres' ? 'pg client thread' : 'PGlite thread',
      ),
      `ratio HTTP/bare: ${(httpRate / bareRate).toFixed(2)}`,
      `round trips counted by the driver: ${(httpPhase.roundTrips / httpPhase.attempts).toFixed(2)} per HTTP attempt in the timed phase (the job runner's polls and ${(limiterTrips / httpPhase.attempts).toFixed(2)} of the shared rate limiter's included), ${(barePhase.roundTrips! / barePhase.attempts).toFixed(2)} per bare attempt; one at a time: a booking ${probes.booking.trips}, the same request again ${probes.resent.trips}, a refusal ${probes.refusal.trips}${probes.refusal.limiter ? `, each with ${probes.refusal.limiter} of the rate limiter's besides` : ''}`,
      `database checks:`,
      ...all.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
      `goals:`,
      ...goals.map((c) => `  ${c.ok ? 'ok  ' : 'MISS'} ${c.name}: ${c.detail}`),
      '',
    ].join('\n'),
  );
  return all.every((c) => c.ok) && goals.every((c) => c.ok);
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/sikoe_bench_booking';

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
      'database-url': {
        type: 'string',
        default: process.env.DATABASE_URL || undefined,
      },
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
    url: values['database-url'] ?? DEFAULT_URL,
    logLevel: values['log-level'],
  };
  const drivers: Driver[] =
    values.driver === 'both'
      ? ['postgres', 'pglite']
      : values.driver === 'postgres' || values.driver === 'pglite'
        ? [values.driver]
        : [];
  if (drivers.length === 0) throw new Error('--driver must be postgres, pglite or both');
  // Unless a database is named, each run on one of its own: no earlier run's bookings or applicants.
  if (drivers.includes('postgres') && values['database-url'] === undefined)
    await ensureBenchDatabase(DEFAULT_URL, true);
  console.log(
    `bench:booking on ${os.cpus().length} cores, Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  let ok = true;
  for (const driver of drivers) ok = (await benchDriver(driver, options)) && ok;
  if (!ok) console.log('A database check FAILED or a goal was MISSED.');
  process.exitCode = ok ? 0 : 1;
}

if (isMainThread) await main();
else await serverWorker();
