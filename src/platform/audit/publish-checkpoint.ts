import fs from 'node:fs';
import type { Db } from '../db/index.ts';
import { writeWhole } from '../storage/write-whole.ts';
import type { Signer } from './checkpoint.ts';
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
export async function sealAndPublish(db: Db, signer: Signer, checkpointFile: string) {
  const sealed = await sealAudit(db, signer);
  if (sealed && sealed.size > sizeIn(checkpointFile)) {
    await writeWhole(checkpointFile, sealed.note);
  }
  return sealed;
}
