import fs from 'node:fs';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { App } from '../http/server.ts';
import { enqueueUnlessWaiting, forgetDoneRuns } from '../jobs/enqueue-unless-waiting.ts';
import { ensureSigningKey, loadSigner, type Signer } from './checkpoint.ts';
import { registerAuditRoutes } from './routes.ts';
import { sealAudit } from './seal-audit.ts';

export const AUDIT_SEAL_JOB = 'audit.seal';

/** The log's signer, its key made on first use. */
export function auditSigner(config: Config): Signer {
  ensureSigningKey(config.audit.signingKeyFile);
  return loadSigner(config.audit.signingKeyFile, config.audit.origin);
}

/** Seals, then writes the newest checkpoint to its file (whole or not at all) for whoever keeps copies. */
export async function sealAndPublish(db: Db, signer: Signer, checkpointFile: string, wait = false) {
  const sealed = await sealAudit(db, signer, { wait });
  if (sealed) {
    const draft = `${checkpointFile}.${process.pid}.tmp`;
    fs.writeFileSync(draft, sealed.note);
    fs.renameSync(draft, checkpointFile);
  }
  return sealed;
}

/**
 * The sealer, a job that queues its own next run (one waiting at a time, whatever the number of processes), and the
 * public face of the log: the newest signed checkpoint, the key that verifies it, and proofs.
 */
export function registerAuditLog(fastify: App): void {
  const { config, jobs, database } = fastify.deps;
  const signer = auditSigner(config);
  const seconds = config.audit.sealSeconds;
  if (seconds > 0) {
    jobs.register(AUDIT_SEAL_JOB, async (_payload, job) => {
      await sealAndPublish(database.db, signer, config.audit.checkpointFile);
      await enqueueUnlessWaiting(database.db, AUDIT_SEAL_JOB, new Date(Date.now() + seconds * 1000), job.id);
      await forgetDoneRuns(database.db, AUDIT_SEAL_JOB, new Date(Date.now() - 3_600_000));
    });
    fastify.addHook('onReady', () => enqueueUnlessWaiting(database.db, AUDIT_SEAL_JOB, new Date()));
  }

  registerAuditRoutes(fastify, signer);
}
