import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { STORAGE_DELETE_JOB } from '../platform/storage/delete-job.ts';
import { recordAction } from './actions.ts';
import { lockDraft } from './get-application.ts';
import { applicationDocuments } from './schema.ts';

/** Takes a wrongly uploaded document off a draft; the file itself is deleted once this commits. */
export async function removeDocument(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; documentId: string },
): Promise<void> {
  const draft = await lockDraft(tx, input.applicationId);
  const [removed] = await tx
    .delete(applicationDocuments)
    .where(and(eq(applicationDocuments.id, input.documentId), eq(applicationDocuments.applicationId, draft.id)))
    .returning({ kind: applicationDocuments.kind, storageKey: applicationDocuments.storageKey });
  if (!removed) throw new AppError('not_found');
  await enqueueJob(tx, STORAGE_DELETE_JOB, { key: removed.storageKey });
  await recordAction(tx, caller, {
    applicationId: draft.id,
    type: 'document_removed',
    payload: { documentId: input.documentId, kind: removed.kind },
  });
  await appendAudit(tx, caller, {
    action: 'application.document_remove',
    targetType: 'application',
    targetId: draft.id,
    unitCode: draft.unitCode,
    details: { documentId: input.documentId, kind: removed.kind },
  });
}
