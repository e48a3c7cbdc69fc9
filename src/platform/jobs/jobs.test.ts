import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { expect, it, vi } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { enqueueJob } from './enqueue-job.ts';
import { enqueueUnlessWaiting } from './enqueue-unless-waiting.ts';
import { JobRunner, backoffSeconds, type JobHandler } from './runner.ts';
import { jobs } from './schema.ts';

const silent = pino({ level: 'silent' });
/** Every test queues its own kind, so runners here never touch other tests' jobs (and vice versa). */
const newKind = () => `test.${crypto.randomUUID().slice(0, 8)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeDb('jobs', (ctx) => {
  const runner = (kind: string, handler: JobHandler, pollMs?: number) => {
    const r = new JobRunner(ctx.db, silent, pollMs);
    r.register(kind, handler);
    return r;
  };
  const jobsOf = (kind: string) => ctx.db.select().from(jobs).where(eq(jobs.kind, kind)).orderBy(jobs.id);

  it('queues nothing when the transaction that asked for the job rolls back', async () => {
    const kind = newKind();
    await expect(
      ctx.db.transaction(async (tx) => {
        await enqueueJob(tx, kind, { n: 1 });
        expect(await tx.$count(jobs, eq(jobs.kind, kind))).toBe(1);
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect(await jobsOf(kind)).toEqual([]);
  });

  it('runs a due job once, with its payload and id, and marks it done', async () => {
    const kind = newKind();
    const calls: { payload: Record<string, unknown>; id: number; attempts: number }[] = [];
    const r = runner(kind, async (payload, job) => void calls.push({ payload, ...job }));
    await ctx.db.transaction((tx) => enqueueJob(tx, kind, { to: 'x@example.org', nested: { n: 2 } }));
    await r.runDue();
    await r.runDue();
    const [row] = await jobsOf(kind);
    expect(calls).toEqual([{ payload: { to: 'x@example.org', nested: { n: 2 } }, id: row!.id, attempts: 1 }]);
    expect(typeof calls[0]!.id).toBe('number');
    expect(row).toMatchObject({ attempts: 1, lockedUntil: null, lastError: null, failedAt: null });
    expect(row!.doneAt).toBeInstanceOf(Date);
  });

  it('leaves jobs that are not due yet, and kinds it has no handler for', async () => {
    const kind = newKind();
    const other = newKind();
    let calls = 0;
    const r = runner(kind, async () => void calls++);
    await enqueueJob(ctx.db, kind, {}, { runAt: new Date(Date.now() + 60_000) });
    await enqueueJob(ctx.db, other, {});
    expect(await r.runDue()).toBe(0);
    expect(calls).toBe(0);
    expect(await jobsOf(kind)).toMatchObject([{ attempts: 0, doneAt: null }]);
    expect(await jobsOf(other)).toMatchObject([{ attempts: 0, doneAt: null, failedAt: null, lastError: null }]);
  });

  it('retries a failing job later with growing backoff, keeps the error, and gives up after max_attempts', async () => {
    const kind = newKind();
    let calls = 0;
    const r = runner(kind, async () => {
      calls++;
      throw new Error(`smtp down (try ${calls})`);
    });
    await enqueueJob(ctx.db, kind, {}, { maxAttempts: 3 });

    const before = Date.now();
    await r.runDue();
    let [row] = await jobsOf(kind);
    expect(row).toMatchObject({
      attempts: 1,
      lastError: 'smtp down (try 1)',
      doneAt: null,
      failedAt: null,
      lockedUntil: null,
    });
    expect(row!.runAt.getTime()).toBeGreaterThanOrEqual(before + backoffSeconds(1) * 1000 - 1000);
    expect(row!.runAt.getTime()).toBeLessThanOrEqual(Date.now() + backoffSeconds(1) * 1000 + 1000);
    await r.runDue();
    expect(calls).toBe(1); // not due again yet

    // Let the backoff pass.
    await ctx.db
      .update(jobs)
      .set({ runAt: sql`now() - interval '1 second'` })
      .where(eq(jobs.kind, kind));
    const second = Date.now();
    await r.runDue();
    [row] = await jobsOf(kind);
    expect(row).toMatchObject({ attempts: 2, lastError: 'smtp down (try 2)', failedAt: null });
    expect(row!.runAt.getTime()).toBeGreaterThanOrEqual(second + backoffSeconds(2) * 1000 - 1000);
    expect(backoffSeconds(2)).toBeGreaterThan(backoffSeconds(1));

    await ctx.db
      .update(jobs)
      .set({ runAt: sql`now() - interval '1 second'` })
      .where(eq(jobs.kind, kind));
    await r.runDue();
    [row] = await jobsOf(kind);
    expect(row).toMatchObject({ attempts: 3, lastError: 'smtp down (try 3)', doneAt: null });
    expect(row!.failedAt).toBeInstanceOf(Date);

    await ctx.db
      .update(jobs)
      .set({ runAt: sql`now() - interval '1 second'` })
      .where(eq(jobs.kind, kind));
    await r.runDue();
    expect(calls).toBe(3);
  });

  it('caps the backoff at one hour', () => {
    expect(backoffSeconds(1)).toBe(10);
    expect(backoffSeconds(3)).toBe(40);
    expect(backoffSeconds(30)).toBe(3600);
  });

  it('never runs the same job twice when two runners work at once', async () => {
    const kind = newKind();
    const seen: number[] = [];
    const handler: JobHandler = async (_payload, job) => {
      seen.push(job.id);
      await sleep(2);
    };
    const a = runner(kind, handler);
    const b = runner(kind, handler);
    await ctx.db.insert(jobs).values(Array.from({ length: 60 }, (_, i) => ({ kind, payload: { i } })));
    const [ranA, ranB] = await Promise.all([a.runDue(5), b.runDue(5)]);
    expect(ranA + ranB).toBe(60);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    const rows = await jobsOf(kind);
    expect(rows.every((row) => row.doneAt !== null && row.attempts === 1)).toBe(true);
    if (ctx.kind === 'postgres') expect(Math.min(ranA, ranB)).toBeGreaterThan(0); // both really took part
  });

  it('queues a recurring job once when several processes schedule it at the same moment', async () => {
    const kind = newKind();
    const runAt = new Date(Date.now() + 3_600_000);
    await Promise.all(Array.from({ length: 8 }, () => enqueueUnlessWaiting(ctx.db, kind, runAt)));
    expect(await jobsOf(kind)).toHaveLength(1);
  });

  /** Polls (no timer) until `done` holds, for at most 10 s. */
  async function until(done: () => Promise<boolean>) {
    const deadline = Date.now() + 10_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('not within 10 s');
      // Lets timers run between checks (PGlite answers without leaving the microtask queue).
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('renews the claim of a long job, so that another process never takes it while it runs', async () => {
    const kind = newKind();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const slow = new JobRunner(ctx.db, silent, 1000, 300);
    slow.register(kind, async () => {
      runs++;
      await held;
    });
    const other = new JobRunner(ctx.db, silent, 1000, 300);
    other.register(kind, async () => void runs++);
    await enqueueJob(ctx.db, kind, {});
    const running = slow.runDue();
    let first: number | undefined;
    // Renewed past the end of its first claim: without renewing, the other runner would take it now.
    await until(async () => {
      const lockedUntil = (await jobsOf(kind))[0]?.lockedUntil?.getTime();
      first ??= lockedUntil;
      return !!first && !!lockedUntil && lockedUntil >= first + 300;
    });
    expect(await other.runDue()).toBe(0);
    release();
    expect(await running).toBe(1);
    expect(runs).toBe(1);
  });

  it('leaves a job of its batch that another process took once the claim had run out', async () => {
    const kind = newKind();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ranBy: string[] = [];
    const slow = new JobRunner(ctx.db, silent, 1000, 300);
    slow.register(kind, async (payload) => {
      ranBy.push(`slow ${String(payload.i)}`);
      if (payload.i === 1) await held;
    });
    const other = new JobRunner(ctx.db, silent, 1000, 300);
    other.register(kind, async (payload) => void ranBy.push(`other ${String(payload.i)}`));
    await ctx.db.insert(jobs).values([1, 2].map((i) => ({ kind, payload: { i } })));
    const running = slow.runDue(2);
    // Once the slow runner holds the first job (on a busy machine its batch's claim can run out even before that)…
    await until(async () => ranBy.includes('slow 1'));
    // …the second job's claim runs out while the first runs: the other runner takes it.
    await until(async () => (await other.runDue()) === 1);
    release();
    await running;
    expect(ranBy).toEqual(['slow 1', 'other 2']);
    expect((await jobsOf(kind)).every((j) => j.doneAt)).toBe(true);
  });

  it('polls once started and stops cleanly, finishing the job in hand', async () => {
    const kind = newKind();
    let calls = 0;
    let finished = 0;
    let finish!: () => void;
    const finishing = new Promise<void>((resolve) => (finish = resolve));
    const r = runner(
      kind,
      async () => {
        calls++;
        await finishing;
        finished++;
      },
      20,
    );
    // The poll's clock is the test's: the runner polls when the test moves it on, never on its own.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const polls = vi.spyOn(r, 'runDue');
      r.start();
      r.start(); // a second start does not start a second loop
      expect(polls).toHaveBeenCalledTimes(1);
      await enqueueJob(ctx.db, kind, {});
      // vi.waitFor moves the fake clock on between its checks, so the next poll finds the job.
      await vi.waitFor(() => expect(calls).toBe(1), { timeout: 10_000 });
      let stopped = false;
      const stopping = r.stop().then(() => (stopped = true));
      await new Promise((resolve) => setImmediate(resolve)); // every settled promise has run its callbacks
      expect(stopped).toBe(false); // it waits for the job in hand
      finish();
      await stopping;
      expect(finished).toBe(1);
      const pollsAtStop = polls.mock.calls.length;
      await enqueueJob(ctx.db, kind, {});
      vi.advanceTimersByTime(100 * 20); // a hundred poll intervals: a poll left scheduled would start now
      expect(polls).toHaveBeenCalledTimes(pollsAtStop);
      expect(calls).toBe(1);
      expect(await jobsOf(kind)).toMatchObject([{ attempts: 1 }, { attempts: 0, doneAt: null }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
