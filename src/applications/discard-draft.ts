import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { STORAGE_DELETE_JOB } from '../platform/storage/delete-job.ts';
import { recordAction } from './actions.ts';
import { lockDraft } from './get-application.ts';
import { applicationDocuments } from './schema.ts';

/**
 * Gives up a draft: it is cancelled (so its NIK no longer counts towards the account's applicants) and its
 * uploaded documents are deleted once this commits.
 */
export async function discardDraft(tx: Tx, caller: Caller, input: { applicationId: string }): Promise<void> {
  const draft = await lockDraft(tx, input.applicationId);
  const removed = await tx
    .delete(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, draft.id))
    .returning({ storageKey: applicationDocuments.storageKey });
  for (const { storageKey } of removed) await enqueueJob(tx, STORAGE_DELETE_JOB, { key: storageKey });
  await recordAction(tx, caller, {
    applicationId: draft.id,
    type: 'discarded',
    status: 'cancelled',
    payload: { documents: removed.length },
  });
  await appendAudit(tx, caller, {
    action: 'application.discard',
    targetType: 'application',
    targetId: draft.id,
    unitCode: draft.unitCode,
  });
}
