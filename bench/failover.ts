// npm run test:failover
//
// The database fails over without losing an acknowledged booking: a pg_auto_failover pair (scripts/failover-pair.sh,
// synchronous replication) in a folder of its own, `sikoe serve` in a process of its own on the pair's multi-host URL,
// and the booking benchmark's applicants booking over HTTP. Once a third of them are booked the primary's node is
// killed with SIGKILL (pg_autoctl, postgres and its backends); each applicant's client retries after a 503 or a lost
// connection, as a real one would, until it gets its 201. Then: the standby took over, Sikoe answered 201 again
// within 30 s, every 201 is in the database exactly once, the day counter equals the appointments, the figures
// (read pool, prefer-standby) answer, and the old primary rejoins as the standby. Prints the figures; exits 1 when a
// check fails. Takes about two minutes (docs/failover.md).
//
// Environment: FAILOVER_PORT (default 6101: the monitor, the nodes on the next two), FAILOVER_APPLICANTS (3000),
// FAILOVER_CONCURRENCY (32).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, queryRows, type Database } from '../src/platform/db/index.ts';
import { projectRoot } from '../src/platform/paths.ts';
import { makeApplicants, makeFixture, type Applicant, type Fixture } from './booking-fixture.ts';
import { verifyBookedOnce, verifyBookings, type Check } from './booking-checks.ts';
import { request } from './booking-http.ts';
import { drive, tally, type Outcome } from './load.ts';

const basePort = Number(process.env.FAILOVER_PORT ?? 6101);
const applicantCount = Number(process.env.FAILOVER_APPLICANTS ?? 3000);
const concurrency = Number(process.env.FAILOVER_CONCURRENCY ?? 32);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-failover-test-'));
// The pair's folder inside it belongs to the postgres user when this runs as root.
fs.chmodSync(dir, 0o755);
const pairEnv = { ...process.env, FAILOVER_DIR: path.join(dir, 'pair'), FAILOVER_PORT: String(basePort) };
const monitorUrl = `postgres://postgres@127.0.0.1:${basePort}/pg_auto_failover?sslmode=disable`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs scripts/failover-pair.sh with a command; its standard output. */
function pair(command: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(path.join(projectRoot, 'scripts/failover-pair.sh'), [command], { env: pairEnv }, (err, stdout, stderr) =>
      err ? reject(new Error(`failover-pair.sh ${command}: ${stderr || err.message}`)) : resolve(stdout),
    ),
  );
}

/** The monitor's view: each node's name, the state it last reported and the one the monitor assigned it. */
async function nodeStates(): Promise<{ name: string; state: string; goal: string }[]> {
  const client = new pg.Client({ connectionString: monitorUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; state: string; goal: string }>(
      'select nodename as name, reportedstate as state, goalstate as goal from pgautofailover.node order by nodeid',
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** When the monitor first saw `node` report a primary's state after `since` (its event log, same clock). */
async function promotedAt(node: string, since: Date): Promise<Date | null> {
  const client = new pg.Client({ connectionString: monitorUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ at: Date | null }>(
      `select min(eventtime) as at from pgautofailover.event
        where nodename = $1 and reportedstate in ('wait_primary', 'primary') and eventtime > $2`,
      [node, since],
    );
    return rows[0]?.at ?? null;
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls `check` (an external process's state) every 200 ms until it holds; throws after `ms`. */
async function until(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds(ms)}`);
    await pause(200);
  }
}

type Serve = { process: ChildProcess; port: number; log: string; env: Record<string, string> };

/** `sikoe serve` as it runs in production, on the pair's URL, with the figures read from the standby first. */
async function startServe(url: string): Promise<Serve> {
  const port = await freePort();
  const log = path.join(dir, 'serve.log');
  const nodes = [basePort + 2, basePort + 1].map((p) => `127.0.0.1:${p}`).join(',');
  const env = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: path.join(dir, 'data'),
    DATABASE_URL: url,
    DATABASE_READ_URL: `postgres://postgres@${nodes}/sikoe?target_session_attrs=prefer-standby&sslmode=disable`,
    LOG_LEVEL: 'warn',
    // The booking path alone: one account books once, and retries during the switch are not a flood.
    WAITING_ROOM_ADMIT_PER_MINUTE: '0',
    BOOKING_RATE_LIMIT_PER_MINUTE: '100000',
  };
  const out = fs.openSync(log, 'a');
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/sikoe.js'), 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`sikoe serve exited (${code}); see ${log}`))),
  );
  await Promise.race([
    until('sikoe serve ready', 240_000, async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok),
    exited,
  ]);
  return { process: child, port, log, env };
}

type Load = {
  attempts: { sentAt: number; answeredAt: number; outcome: Outcome }[];
  booked: Applicant[];
  /** Applicants whose 201 came after at least one retry. */
  bookedAfterRetry: number;
  refused: Outcome[];
  crashedNode: string | null;
  /** ms since the load began, before the crash command ran and after it returned (the node is dead by then). */
  crashStart: number;
  crashDone: number;
  crashedAt: Date;
};

/** Every applicant books, retrying what a real client retries; the primary is crashed once a third are booked. */
async function runLoad(port: number, applicants: Applicant[], fixture: Fixture): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const load: Load = {
    attempts: [],
    booked: [],
    bookedAfterRetry: 0,
    refused: [],
    crashedNode: null,
    crashStart: 0,
    crashDone: 0,
    crashedAt: new Date(),
  };
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const crashes: Promise<void>[] = [];
  const retried = (o: Outcome) =>
    /^(network_error|http_5)/.test(o) || ['unavailable', 'internal', 'conflict'].includes(o);
  await drive(applicants.length, concurrency, async (i) => {
    const applicant = applicants[i]!;
    for (let attempt = 1; ; attempt++) {
      const sentAt = now();
      const outcome = await request(agent, port, applicant, fixture.httpDate).catch(
        (err: unknown) => `network_error(${(err as { code?: string }).code ?? 'unknown'})`,
      );
      load.attempts.push({ sentAt, answeredAt: now(), outcome });
      if (outcome === 'booked') {
        load.booked.push(applicant);
        if (attempt > 1) load.bookedAfterRetry++;
        if (crashes.length === 0 && load.booked.length >= applicants.length / 3)
          crashes.push(
            (async () => {
              load.crashStart = now();
              load.crashedAt = new Date();
              load.crashedNode = (await pair('crash')).trim();
              load.crashDone = now();
            })(),
          );
        return;
      }
      if (!retried(outcome)) return void load.refused.push(outcome);
      // A client's pause before trying again (the 503 says Retry-After; a person waits less than 10 s).
      await pause(100);
    }
  });
  await Promise.all(crashes);
  agent.destroy();
  return load;
}

async function checkSynchronous(database: Database): Promise<Check> {
  const [row] = await queryRows<{ names: string; states: string | null }>(
    database.db,
    sql`select current_setting('synchronous_standby_names') as names,
      (select string_agg(sync_state, ',') from pg_stat_replication) as states`,
  );
  return {
    name: 'synchronous replication before the crash',
    ok: row!.names !== '' && /\b(sync|quorum)\b/.test(row!.states ?? ''),
    detail: `synchronous_standby_names '${row!.names}', standby ${row!.states ?? 'none'}`,
  };
}

function describeLoad(load: Load): { lines: string[]; answeredAgainMs: number | null } {
  const after = load.attempts.filter((a) => a.sentAt >= load.crashDone);
  const firstBooked = after.find((a) => a.outcome === 'booked');
  const answeredAgainMs = firstBooked ? firstBooked.answeredAt - load.crashStart : null;
  const during = load.attempts.filter(
    (a) =>
      a.answeredAt >= load.crashStart && a.outcome !== 'booked' && a.sentAt <= (firstBooked?.answeredAt ?? Infinity),
  );
  const kinds = Object.entries(tally(during.map((a) => a.outcome)))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const total = tally(load.attempts.map((a) => a.outcome));
  return {
    answeredAgainMs,
    lines: [
      `load: ${load.attempts.length} attempts by ${load.booked.length + load.refused.length} applicants at concurrency ${concurrency}, ${total.booked ?? 0} answered 201 (${load.bookedAfterRetry} after retrying), ${load.refused.length} refused for good`,
      `crash: ${load.crashedNode} killed with SIGKILL after ${seconds(load.crashStart)} of load, with ${load.attempts.filter((a) => a.answeredAt < load.crashStart && a.outcome === 'booked').length} booked`,
      `errors during the switch: ${during.length}${kinds ? ` (${kinds})` : ''}`,
      `Sikoe answered 201 again ${answeredAgainMs === null ? 'never' : `${seconds(answeredAgainMs)} after the crash`}`,
    ],
  };
}

async function main() {
  console.log(
    `test:failover on ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, in ${dir}`,
  );
  let serve: Serve | undefined;
  let database: Database | undefined;
  const checks: Check[] = [];
  try {
    const t0 = performance.now();
    await pair('start');
    const url = (await pair('uri')).trim();
    console.log(`pair started in ${seconds(performance.now() - t0)}: DATABASE_URL=${url}`);
    const t1 = performance.now();
    serve = await startServe(url);
    console.log(`sikoe serve ready in ${seconds(performance.now() - t1)} (migrations and reference data on the pair)`);
    database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
    checks.push(await checkSynchronous(database));
    const booking = loadConfig(serve.env).booking;
    const fixture = await makeFixture(database.db, booking, { capacity: applicantCount, warmup: 0 });
    const run = crypto.randomUUID().slice(0, 8);
    const applicants = await makeApplicants(
      database.db,
      run,
      'f',
      fixture.unitCode,
      applicantCount,
      await hashPassword(run),
    );

    const load = await runLoad(serve.port, applicants, fixture);
    const { lines, answeredAgainMs } = describeLoad(load);
    const promoted = load.crashedNode
      ? await promotedAt(load.crashedNode === 'node1' ? 'node2' : 'node1', load.crashedAt)
      : null;
    console.log(
      [
        ...lines,
        `the monitor saw the standby promoted ${promoted ? `${seconds(promoted.getTime() - load.crashedAt.getTime())} after the crash` : 'never'}`,
      ].join('\n'),
    );

    const states = await nodeStates();
    const survivor = states.find((s) => s.name !== load.crashedNode);
    const crashed = states.find((s) => s.name === load.crashedNode);
    checks.push(
      {
        name: 'the standby took over',
        ok: ['primary', 'wait_primary'].includes(survivor?.state ?? '') && crashed?.goal === 'demoted',
        detail: states.map((s) => `${s.name} reported ${s.state}, assigned ${s.goal}`).join('; '),
      },
      {
        name: 'Sikoe answers 201 again within 30 s',
        ok: answeredAgainMs !== null && answeredAgainMs <= 30_000,
        detail: answeredAgainMs === null ? 'never' : seconds(answeredAgainMs),
      },
      {
        name: 'every applicant booked in the end',
        ok: load.booked.length === applicantCount,
        detail: `${load.booked.length} of ${applicantCount}`,
      },
      await verifyBookedOnce(
        database.db,
        fixture.httpDate,
        load.booked.map((a) => a.applicationId),
      ),
      ...(await verifyBookings(database.db, fixture.unitCode, fixture.httpDate, applicantCount, load.booked.length)),
    );
    const figures = await fetch(`http://127.0.0.1:${serve.port}/api/v1/stats/passports`);
    checks.push({
      name: 'the figures answer after the switch (DATABASE_READ_URL, prefer-standby)',
      ok: figures.ok,
      detail: `HTTP ${figures.status}`,
    });
    const t2 = performance.now();
    await pair('start');
    const rejoined = (await nodeStates()).find((s) => s.name === load.crashedNode);
    checks.push({
      name: 'the old primary rejoins as the standby',
      ok: rejoined?.state === 'secondary',
      detail: `${rejoined?.state} after ${seconds(performance.now() - t2)}`,
    });
  } finally {
    await database?.close().catch(() => undefined);
    if (serve) {
      const exited = new Promise((resolve) => serve!.process.once('exit', resolve));
      serve.process.kill('SIGTERM');
      await exited;
      const lost = fs.readFileSync(serve.log, 'utf8').match(/database connection lost/g)?.length ?? 0;
      console.log(`server log: ${lost} lost connections reported (${serve.log})`);
    }
    await pair('stop').catch((err: unknown) => console.log(String(err)));
  }
  console.log(['checks:', ...checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`)].join('\n'));
  const ok = checks.every((c) => c.ok);
  if (ok) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`A check FAILED; the pair's data and logs stay in ${dir}`);
  process.exitCode = ok ? 0 : 1;
}

await main();
