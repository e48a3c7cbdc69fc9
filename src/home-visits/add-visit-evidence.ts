import crypto from 'node:crypto';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { STORAGE_DELETE_JOB } from '../platform/storage/delete-job.ts';
import { sniffDocument } from '../platform/storage/sniff.ts';
import type { Storage } from '../platform/storage/storage.ts';
import type { UploadedFile } from '../platform/storage/upload-parser.ts';
import type { HomeVisit } from './schema.ts';
import { assertStatus, lockHomeVisit, recordVisitAction } from './visit-actions.ts';

/**
 * Stores the requester's evidence (a doctor's letter, a disability card: JPEG, PNG or PDF, recognised by content) on
 * a request still being handled. A new file replaces the old one, which is deleted once this commits.
 */
export async function addVisitEvidence(tx: Tx, caller: Caller, input: { visit: HomeVisit; file: UploadedFile }, storage: Storage): Promise<void> {
  const mediaType = await sniffDocument(input.file.bytes);
  if (!mediaType) throw new AppError('validation_failed', { file: 'v.fileType' });
  const visit = await lockHomeVisit(tx, input.visit.id);
  assertStatus(visit, ['requested', 'accepted', 'scheduled'], 'evidence');
  const key = `home-visits/${visit.id}/evidence-${crypto.randomUUID()}`;
  const size = input.file.bytes.length;
  await storage.put(key, input.file.bytes, mediaType);
  try {
    await recordVisitAction(tx, caller, visit, { type: 'evidence_added', set: { evidenceKey: key }, payload: { mediaType, size } });
    if (visit.evidenceKey) await enqueueJob(tx, STORAGE_DELETE_JOB, { key: visit.evidenceKey });
  } catch (err) {
    await storage.delete(key).catch(() => undefined);
    throw err;
  }
}
