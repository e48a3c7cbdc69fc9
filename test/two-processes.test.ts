import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/platform/audit/append-audit.ts';
import { loadSigner } from '../src/platform/audit/checkpoint.ts';
import { auditCheckpoints, auditLeaves } from '../src/platform/audit/schema.ts';
import { verifyAudit } from '../src/platform/audit/verify-audit.ts';
import type { Database } from '../src/platform/db/index.ts';
import { jobs } from '../src/platform/jobs/schema.ts';
import { enqueueMail, MAIL_JOB } from '../src/platform/mail/mailer.ts';
import { seedReference } from '../src/seed.ts';
import { sikoeBin } from './cli.ts';
import { freshDatabase } from './db.ts';
import { PASSWORD, makeApplication, makeCitizen, makeUnit, openDate, uniqueEmail } from './factories.ts';
import { serviceDay } from './dates.ts';
import { createApiToken } from '../src/accounts/api-tokens.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import { challengeIn, formTokenIn, solveAltcha } from './proof.ts';
import { freePort } from './server.ts';

/** A `sikoe serve` process: where it answers, and how it ended once told to stop. */
type Served = { base: string; output: () => string; stop: () => Promise<number | null> };

/** Starts `sikoe serve …` and resolves once it says where it serves. */
async function serve(env: NodeJS.ProcessEnv, args: string[] = []): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [sikoeBin, 'serve', ...args], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (/kill -TERM \d+/.test(output)) resolve();
    });
    void exited.then((code) => reject(new Error(`exited with ${code} before serving:\n${output}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A browser of its own over real HTTP: keeps cookies and the last CSRF token; its address via the trusted proxy. */
class Client {
  private readonly cookies = new Map<string, string>();
  private csrf = '';
  constructor(private readonly address: string) {}

  async send(base: string, url: string, form?: Record<string, string>) {
    const res = await fetch(base + url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        'x-forwarded-for': this.address,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams({ _csrf: this.csrf, ...form }).toString() : undefined,
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      this.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const body = await res.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.csrf;
    return { status: res.status, body, signedIn: this.cookies.has('sikoe_session') };
  }
}

async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// Two installations of the server on one PostgreSQL, as behind a proxy: a single process and a cluster of two
// workers. What one of them counts, spends or runs, the others see.
describe.skipIf(!process.env.TEST_DATABASE_URL)('several server processes on one database', { timeout: 60_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-two-'));
  let database: Database;
  let drop: () => Promise<void>;
  let url: string | undefined;
  let one: Served;
  let two: Served;

  beforeAll(async () => {
    ({ database, drop, url } = await freshDatabase('postgres'));
    await database.migrate();
    await seedReference(database.db);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // Rate limits count in the database by default once DATABASE_URL is set: not named here on purpose.
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: 'true',
      AUTH_RATE_LIMIT_PER_MINUTE: '4',
      LOGIN_PROOF_AFTER: '1',
      JOBS_POLL_MS: '50',
      AUDIT_SEAL_SECONDS: '1',
      // One place a minute: the first arrival at a unit goes in at once, everyone after waits.
      WAITING_ROOM_ADMIT_PER_MINUTE: '1',
      WAITING_ROOM_HOURS: 'always',
    };
    delete env.TEST_DATABASE_URL;
    [one, two] = await Promise.all([serve(env), serve(env, ['--workers', '2'])]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await drop?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds a rate limit at its total across the processes, not at the total per process', async () => {
    const client = `203.0.113.${crypto.randomInt(1, 250)}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${[one, two][i % 2]!.base}/api/v1/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
          body: JSON.stringify({ email: uniqueEmail('nobody'), password: 'wrong password 123' }),
        }).then(async (res) => ({
          status: res.status,
          code: ((await res.json()) as { error: { code: string } }).error.code,
        })),
      ),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(4);
    expect(answers.filter((a) => a.status === 429 && a.code === 'rate_limited')).toHaveLength(6);
  });

  it('refuses in one process a sign-in form proof spent in the other', async () => {
    const citizen = await makeCitizen(database.db);
    const browser = new Client('198.51.100.7');
    // One failure puts the address under attack (LOGIN_PROOF_AFTER=1): every sign-in to it now needs a proof.
    await browser.send(one.base, '/login');
    expect((await browser.send(one.base, '/login', { email: citizen.email, password: 'a guess 123' })).status).toBe(
      401,
    );
    const asked = await browser.send(one.base, '/login', { email: citizen.email, password: PASSWORD });
    expect(asked.body).toContain('<altcha-widget');
    const proof = { formToken: formTokenIn(asked.body), altcha: await solveAltcha(challengeIn(asked.body)) };
    // Spent in the first process by a wrong password…
    const spent = await browser.send(one.base, '/login', { email: citizen.email, password: 'another guess', ...proof });
    expect(spent.status).toBe(401);
    // …it does not sign anyone in at the second, even with the right password.
    const again = await browser.send(two.base, '/login', { email: citizen.email, password: PASSWORD, ...proof });
    expect(again.status).toBe(422);
    expect(again.body).toContain('Formulir ini sudah pernah dikirim');
    expect(again.signedIn).toBe(false);
    // A fresh proof is good at the second process (another address here: /login allows 4 posts a minute per client,
    // and this one has had them, counted across both processes).
    const owner = new Client('198.51.100.8');
    await owner.send(two.base, '/login');
    const form = await owner.send(two.base, '/login', { email: citizen.email, password: PASSWORD });
    const fresh = { formToken: formTokenIn(form.body), altcha: await solveAltcha(challengeIn(form.body)) };
    const signedIn = await owner.send(two.base, '/login', { email: citizen.email, password: PASSWORD, ...fresh });
    expect(signedIn.status).toBe(303);
    expect(signedIn.signedIn).toBe(true);
    expect((await browser.send(one.base, '/login', { email: citizen.email, password: PASSWORD })).status).toBe(429);
  });

  it('keeps one waiting room across the processes: one line, one place per account, each pass once', async () => {
    const unit = await makeUnit(database.db);
    const date = await serviceDay(database.db, unit.code);
    await openDate(database.db, unit.code, date, 5);
    const arrive = async () => {
      const citizen = await makeCitizen(database.db);
      const { token } = await database.db.transaction((tx) =>
        createApiToken(tx, systemCaller('test'), citizen.id, 'two processes'),
      );
      return { id: citizen.id, headers: { authorization: `Bearer ${token}` } };
    };
    type Turn = { position: number; ahead: number; admitted: boolean; pass: string | null };
    const join = async (served: Served, headers: Record<string, string>) => {
      const res = await fetch(`${served.base}/api/v1/units/${unit.code}/waiting-room`, { method: 'POST', headers });
      expect(res.status).toBe(200);
      return (await res.json()) as Turn;
    };
    const [first, second] = [await arrive(), await arrive()];
    const admitted = await join(one, first.headers);
    expect(admitted).toMatchObject({ position: 1, admitted: true });
    // The second arrives at the other process and queues behind the first, who keeps the place there too.
    expect(await join(two, second.headers)).toMatchObject({ position: 2, ahead: 1, admitted: false, pass: null });
    expect(await join(two, first.headers)).toMatchObject({ position: 1, admitted: true });
    // A pass spent by a booking at one process is spent at the other.
    const book = (served: Served, applicationId: string) =>
      fetch(`${served.base}/api/v1/applications/${applicationId}/appointment`, {
        method: 'POST',
        headers: { ...first.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ date, waitingRoomPass: admitted.pass }),
      });
    const mine = await makeApplication(database.db, { unitCode: unit.code, accountId: first.id });
    const family = await makeApplication(database.db, { unitCode: unit.code, accountId: first.id });
    expect((await book(one, mine.id)).status).toBe(201);
    const again = await book(two, family.id);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('waiting_room_pass_invalid');
  });

  it('runs each queued job once, and each recurring job is queued once', async () => {
    const run = crypto.randomUUID().slice(0, 8);
    const count = 30;
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < count; i++)
        await enqueueMail(tx, { to: uniqueEmail('job'), subject: `two processes ${run} ${i}`, text: 'once' });
    });
    const mine = and(sql`${jobs.kind} = ${MAIL_JOB}`, like(sql`${jobs.payload}->>'subject'`, `two processes ${run} %`));
    const rows = await until(
      'all mail jobs done',
      () => database.db.select().from(jobs).where(mine),
      (r) => r.length === count && r.every((j) => j.doneAt),
    );
    expect(rows.every((j) => j.attempts === 1)).toBe(true);
    const mailDir = path.join(dataDir, 'mail');
    const subjects = fs
      .readdirSync(mailDir)
      .map((f) => /^Subject: (.*)$/m.exec(fs.readFileSync(path.join(mailDir, f), 'utf8'))?.[1])
      .filter((s) => s?.startsWith(`two processes ${run} `));
    expect(subjects).toHaveLength(count);
    expect(new Set(subjects).size).toBe(count);

    // Every process queued the recurring jobs at its start (reference data, figure refreshes): one of each waits.
    const waiting = await database.db
      .select({ kind: jobs.kind, n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(and(isNull(jobs.doneAt), isNull(jobs.failedAt), sql`${jobs.payload} = '{}'::jsonb`))
      .groupBy(jobs.kind);
    expect(waiting.length).toBeGreaterThanOrEqual(4);
    expect(waiting.filter((w) => w.n !== 1)).toEqual([]);
  });

  it('seals the audit entries of every process into one log, signed with one key', async () => {
    const { id } = await appendAudit(database.db, systemCaller('two-processes'), { action: 'test.two-processes' });
    await until(
      'the entry sealed',
      () => database.db.$count(auditLeaves, eq(auditLeaves.entryId, id)),
      (n) => n === 1,
      10_000,
    );
    const signer = loadSigner(path.join(dataDir, 'audit-signing-key.pem'), 'localhost/audit');
    const verified = await verifyAudit(database.db, signer.verifier);
    expect(verified).toMatchObject({ ok: true });
    expect(await database.db.$count(auditCheckpoints)).toBeGreaterThanOrEqual(1);
  });

  it("reports every worker's metrics, whichever worker of the cluster is asked", async () => {
    const healthChecks = async () =>
      (await (await fetch(`${two.base}/metrics`)).text())
        .split('\n')
        .filter((l) => l.startsWith('sikoe_http_request_duration_seconds_count{') && l.includes('route="/healthz"'))
        .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
    const before = await healthChecks();
    // The cluster hands connections to its workers in turn: each worker alone saw about half of these.
    for (let i = 0; i < 6; i++) expect((await fetch(`${two.base}/healthz`)).status).toBe(200);
    await until('six health checks counted', healthChecks, (n) => n === before + 6, 5_000);
  });

  it('stops every process gracefully on SIGTERM', async () => {
    const [a, b] = await Promise.all([one.stop(), two.stop()]);
    expect([a, b], one.output() + two.output()).toEqual([0, 0]);
  });
});
