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
});
