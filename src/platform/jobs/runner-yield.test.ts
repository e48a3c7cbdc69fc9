import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { createLogger } from '../log.ts';
import { enqueueJob } from './enqueue-job.ts';
import { JobRunner } from './runner.ts';

describeDb('job runner under a burst of requests', (ctx) => {
  it('leaves due jobs while the process is busy, and runs them once it is not', async () => {
    const runner = new JobRunner(ctx.db, createLogger('silent'), 5);
    const kind = `test.yield.${crypto.randomUUID().slice(0, 8)}`;
    let ran = 0;
    let busy = true;
    let polls = 0;
    runner.register(kind, async () => void ran++);
    runner.yieldWhile(() => (polls++, busy));
    await enqueueJob(ctx.db, kind, {});
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
    const runner = new JobRunner(ctx.db, createLogger('silent'), 5);
    const kind = `test.yield.${crypto.randomUUID().slice(0, 8)}`;
    let ran = 0;
    let busy = false;
    let polls = 0;
    // The burst begins while the first batch (20 jobs) runs.
    runner.register(kind, async () => {
      ran++;
      busy = true;
    });
    runner.yieldWhile(() => (polls++, busy));
    for (let i = 0; i < 21; i++) await enqueueJob(ctx.db, kind, {});
    runner.start();
    try {
      await expect.poll(() => ran).toBe(20);
      const seen = polls;
      while (polls < seen + 20) await new Promise((r) => setImmediate(r));
      expect(ran).toBe(20);
      busy = false;
      await expect.poll(() => ran).toBe(21);
    } finally {
      await runner.stop();
    }
  });
});
