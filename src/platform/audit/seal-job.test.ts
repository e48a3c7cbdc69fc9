import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { describeApp, testConfig } from '../../../test/db.ts';
import { systemCaller } from '../auth/caller.ts';
import { jobs } from '../jobs/schema.ts';
import { appendAudit } from './append-audit.ts';
import { AUDIT_SEAL_JOB } from './register.ts';
import { latestCheckpoint } from './seal-audit.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-seal-job-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
const checkpointFile = path.join(folder, 'checkpoint.txt');

describeApp(
  'the sealer job',
  (ctx) => {
    it('seals what was written, writes the checkpoint to its file and queues its next run', async () => {
      const { id } = await appendAudit(ctx.db, systemCaller('seal-job-test'), { action: 'test.seal-job' });
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
  },
  { audit: { ...testConfig().audit, sealSeconds: 5, checkpointFile } },
  { ownDatabase: true },
);
