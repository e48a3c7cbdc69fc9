import crypto from 'node:crypto';
import { expect, it, vi } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { createLogger } from '../log.ts';
import { enqueueJob } from './enqueue-job.ts';
import { JobRunner } from './runner.ts';

describeDb('job runner under a burst of requests', (ctx) => {
  /** A runner polling every `pollMs`, and a job kind of the test's own with `count` jobs due (21: a batch and one). */
  async function runnerWithJobs(pollMs: number, count: number) {
    const runner = new JobRunner(ctx.db, createLogger('silent'), pollMs);
    const kind = `test.yield.${crypto.randomUUID().slice(0, 8)}`;
    for (let i = 0; i < count; i++) await enqueueJob(ctx.db, kind, {});
    return { runner, kind };
  }

  it('leaves due jobs while the process is busy, and runs them once it is not', async () => {
    const { runner, kind } = await runnerWithJobs(5, 1);
    let ran = 0;
    let busy = true;
    let polls = 0;
    runner.register(kind, async () => void ran++);
    runner.yieldWhile(() => (polls++, busy));
    runner.start();
    try {
      while (polls < 20) await new Promise((r) => setImmediate(r));
      expect(ran).toBe(0);
      busy = false;
      while (ran === 0) await new Promise((r) => setImmediate(r));
      expect(ran).toBe(1);
    } finally {
      await runner.stop();
    }
  });

  it('takes no further batch once a burst begins during a poll, and takes it when the burst has passed', async () => {
    const { runner, kind } = await runnerWithJobs(5, 21);
    let ran = 0;
    let busy = false;
    let polls = 0;
    // The burst begins while the first batch (20 jobs) runs.
    runner.register(kind, async () => {
      ran++;
      busy = true;
    });
    runner.yieldWhile(() => (polls++, busy));
    runner.start();
    try {
      await expect.poll(() => ran, { timeout: 10_000 }).toBe(20);
      const seen = polls;
      while (polls < seen + 20) await new Promise((r) => setImmediate(r));
      expect(ran).toBe(20);
      busy = false;
      await expect.poll(() => ran, { timeout: 10_000 }).toBe(21);
    } finally {
      await runner.stop();
    }
  });

  it('runs every due job after giving way for 30 s in a row, then gives way again', async () => {
    const { runner, kind } = await runnerWithJobs(1000, 21);
    let ran = 0;
    runner.register(kind, async () => void ran++);
    runner.yieldWhile(() => true); // a burst that does not end
    // The runner's clock is the test's (the 30 s are counted with Date.now, the polls with setTimeout).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      runner.start();
      await vi.advanceTimersByTimeAsync(29_000);
      expect(ran).toBe(0);
      // vi.waitFor moves the fake clock on between its checks: past 30 s, one poll takes both batches.
      await vi.waitFor(() => expect(ran).toBe(21), { timeout: 10_000 });
      // Due by the database's clock, which the test does not move.
      await enqueueJob(ctx.db, kind, {}, { runAt: new Date('2026-01-01T00:00:00Z') });
      await vi.advanceTimersByTimeAsync(20_000);
      expect(ran).toBe(21);
      await vi.advanceTimersByTimeAsync(15_000);
      await vi.waitFor(() => expect(ran).toBe(22), { timeout: 10_000 });
    } finally {
      vi.useRealTimers();
      await runner.stop();
    }
  });

  it('ends a poll after the batch in hand when stopped during it', async () => {
    const { runner, kind } = await runnerWithJobs(5, 21);
    let ran = 0;
    let stopping: Promise<void> | undefined;
    runner.register(kind, async () => {
      ran++;
      stopping ??= runner.stop();
    });
    runner.start();
    await expect.poll(() => ran, { timeout: 10_000 }).toBeGreaterThan(0);
    await stopping;
    expect(ran).toBe(20);
  });
});
