import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { describeApp, testConfig } from '../../../test/db.ts';
import { systemCaller } from '../auth/caller.ts';
import { queryRows } from '../db/index.ts';
import { jobs } from '../jobs/schema.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { AUDIT_SEAL_JOB } from '../audit/publish-checkpoint.ts';
import { latestCheckpoint } from '../audit/seal-audit.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-seal-job-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
const checkpointFile = path.join(folder, 'checkpoint.txt');

describeApp(
  'the sealer job',
  (ctx) => {
    it('seals what was written, writes the checkpoint to its file and queues its next run', async () => {
      fs.rmSync(checkpointFile, { force: true }); // the other database's run wrote one
      const { id } = await appendAudit(ctx.db, systemCaller('seal-job-test'), { action: 'test.seal-job' });
      // A run seals only what no running transaction can precede; on a shared server other tests' may still run.
      const final = sql`select a.xid < pg_snapshot_xmin(pg_current_snapshot()) as final from audit_log a where a.id = ${id}`;
      await expect
        .poll(async () => (await queryRows<{ final: boolean }>(ctx.db, final))[0]!.final, { timeout: 20_000 })
        .toBe(true);
      const started = Date.now();
      await ctx.app.deps.jobs.runDue();
      const last = await latestCheckpoint(ctx.db);
      expect(last!.lastEntryId).toBeGreaterThanOrEqual(id);
      expect(fs.readFileSync(checkpointFile, 'utf8')).toBe(last!.note);
      const waiting = await ctx.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, AUDIT_SEAL_JOB), isNull(jobs.doneAt)));
      expect(waiting).toHaveLength(1);
      expect(waiting[0]!.runAt.getTime()).toBeGreaterThanOrEqual(started + 5000);
    });

    it('queues its next run even when a seal fails, and makes no new key for a log that has checkpoints', async () => {
      await ctx.app.deps.jobs.runDue();
      const keyFile = ctx.config.audit.signingKeyFile;
      const key = fs.readFileSync(keyFile);
      fs.rmSync(keyFile);
      try {
        await ctx.db
          .update(jobs)
          .set({ runAt: new Date() })
          .where(and(eq(jobs.kind, AUDIT_SEAL_JOB), isNull(jobs.doneAt)));
        expect(await ctx.app.deps.jobs.runDue()).toBe(1);
        expect(fs.existsSync(keyFile)).toBe(false);
        const waiting = await ctx.db.$count(jobs, and(eq(jobs.kind, AUDIT_SEAL_JOB), isNull(jobs.doneAt)));
        expect(waiting).toBe(1);
      } finally {
        fs.writeFileSync(keyFile, key, { mode: 0o600 });
      }
    });
  },
  { audit: { ...testConfig().audit, sealSeconds: 5, checkpointFile, signingKeyFile: path.join(folder, 'key.pem') } },
  { ownDatabase: true },
);
