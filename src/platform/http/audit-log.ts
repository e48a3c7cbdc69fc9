import { auditSigner } from '../audit/audit-signer.ts';
import { AUDIT_SEAL_JOB, sealAndPublish } from '../audit/publish-checkpoint.ts';
import { enqueueUnlessWaiting, forgetDoneRuns } from '../jobs/enqueue-unless-waiting.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import type { App } from './server.ts';

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
