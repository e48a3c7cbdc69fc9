import crypto from 'node:crypto';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { STORAGE_DELETE_JOB } from '../platform/storage/delete-job.ts';
import { sniffDocument } from '../platform/storage/sniff.ts';
import type { Storage } from '../platform/storage/storage.ts';
import type { UploadedFile } from '../platform/storage/upload-parser.ts';
import { performVisitAction } from './perform-visit-action.ts';
import type { HomeVisit } from './schema.ts';

/**
 * Stores the requester's evidence (a doctor's letter, a disability card: JPEG, PNG or PDF, recognised by content) on
 * a request still being handled. A new file replaces the old one, which is deleted once this commits; the new one is
 * deleted again when the change fails after it was stored.
 */
export async function addVisitEvidence(
  tx: Tx,
  caller: Caller,
  input: { visit: HomeVisit; file: UploadedFile },
  storage: Storage,
): Promise<void> {
  const mediaType = await sniffDocument(input.file.bytes);
  if (!mediaType) throw new AppError('validation_failed', { file: 'v.fileType' });
  let stored: string | null = null;
  try {
    await performVisitAction(tx, caller, { visitId: input.visit.id, step: 'evidence' }, async (visit) => {
      const key = `home-visits/${visit.id}/evidence-${crypto.randomUUID()}`;
      const size = input.file.bytes.length;
      await storage.put(key, input.file.bytes, mediaType);
      stored = key;
      if (visit.evidenceKey) await enqueueJob(tx, STORAGE_DELETE_JOB, { key: visit.evidenceKey });
      return { set: { evidenceKey: key }, payload: { mediaType, size } };
    });
  } catch (err) {
    if (stored) await storage.delete(stored).catch(() => undefined);
    throw err;
  }
}
