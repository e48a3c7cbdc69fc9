import fs from 'node:fs';
import type { Config } from '../config.ts';
import type { Executor } from '../db/index.ts';
import { ensureSigningKey, loadSigner, type Signer } from './checkpoint.ts';
import { latestCheckpoint } from './seal-audit.ts';

export class SigningKeyMissing extends Error {}

/**
 * The log's signer. Its name is the one its first checkpoint took (a later PUBLIC_URL does not rename the log). A key
 * is made only for a log that has no checkpoint yet (`create`): once there is one, a missing key file is an error to
 * put right by restoring the file, never a new key that would sign the same log under another name.
 */
export async function auditSigner(config: Config, db: Executor, create = false): Promise<Signer> {
  const last = await latestCheckpoint(db);
  const file = config.audit.signingKeyFile;
  if (!fs.existsSync(file)) {
    if (last || !create) throw new SigningKeyMissing(`the audit log's signing key is missing: ${file}`);
    ensureSigningKey(file);
  }
  return loadSigner(file, last ? last.note.slice(0, last.note.indexOf('\n')) : config.audit.origin);
}
