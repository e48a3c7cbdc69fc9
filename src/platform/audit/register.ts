import fs from 'node:fs';
import type { Db } from '../db/index.ts';
import type { App } from '../http/server.ts';
import { enqueueUnlessWaiting, forgetDoneRuns } from '../jobs/enqueue-unless-waiting.ts';
import { auditSigner } from './audit-signer.ts';
import type { Signer } from './checkpoint.ts';
import { registerAuditRoutes } from './routes.ts';
import { sealAudit } from './seal-audit.ts';

export const AUDIT_SEAL_JOB = 'audit.seal';

/** The checkpoint's size in a checkpoint file, 0 when there is none. */
function sizeIn(file: string): number {
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[1]) || 0 : 0;
}

/**
 * Seals, then writes the newest checkpoint to its file (whole or not at all) for whoever keeps copies; a process that
 * sealed earlier but writes later does not put an older checkpoint over a newer one.
 */
export async function sealAndPublish(db: Db, signer: Signer, checkpointFile: string, wait = false) {
  const sealed = await sealAudit(db, signer, { wait });
  if (sealed && sealed.size > sizeIn(checkpointFile)) {
    const draft = `${checkpointFile}.${process.pid}.tmp`;
    fs.writeFileSync(draft, sealed.note);
    fs.renameSync(draft, checkpointFile);
  }
  return sealed;
}

/**
 * The sealer, a job that queues its own next run (one waiting at a time, whatever the number of processes) before
 * anything can fail, so that a failed seal (the database switching over, a full disk) never ends sealing; and the
 * public face of the log: the newest signed checkpoint, the key that verifies it, and proofs.
 */
export function registerAuditLog(fastify: App): void {
  const { config, jobs, database, log } = fastify.deps;
  const seconds = config.audit.sealSeconds;
  if (seconds > 0) {
    jobs.register(AUDIT_SEAL_JOB, async (_payload, job) => {
      await enqueueUnlessWaiting(database.db, AUDIT_SEAL_JOB, new Date(Date.now() + seconds * 1000), job.id);
      await forgetDoneRuns(database.db, AUDIT_SEAL_JOB, new Date(Date.now() - 3_600_000));
      try {
        const signer = await auditSigner(config, database.db, true);
        await sealAndPublish(database.db, signer, config.audit.checkpointFile);
      } catch (err) {
        log.error({ err }, 'audit sealing failed; the next run is queued');
      }
    });
    fastify.addHook('onReady', () => enqueueUnlessWaiting(database.db, AUDIT_SEAL_JOB, new Date()));
  }
  registerAuditRoutes(fastify);
}
