import crypto from 'node:crypto';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { STORAGE_DELETE_JOB } from '../platform/storage/delete-job.ts';
import { sniffDocument } from '../platform/storage/sniff.ts';
import type { Storage } from '../platform/storage/storage.ts';
import type { UploadedFile } from '../platform/storage/upload-parser.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import { lockCase, performCaseAction } from './perform-case-action.ts';
import { authorize, authorizeRole } from './policy.ts';
import { enforcementCaseActions, type EnforcementCase } from './schema.ts';
import { caseWorkflow } from './workflow.ts';

/**
 * The signed BAP as a PDF (recognised by its content) on a case already examined. A new file replaces the old one,
 * deleted once this commits; the caller runs this in `transactionStoring`, which deletes the new one should the change
 * fail after it was stored, even at the commit.
 */
export async function attachBap(
  tx: Tx,
  caller: Caller,
  input: { caseId: string; file: UploadedFile; requestId?: string | null },
  storage: Storage,
): Promise<EnforcementCase> {
  // Who may and whether the step is open, before anything is stored.
  authorizeRole(caller.actor, 'enforcement.handle');
  const before = await lockCase(tx, input.caseId);
  authorize(caller.actor, 'enforcement.handle', {
    unitCode: before.unitCode,
    scope: await actorScope(tx, caller.actor),
  });
  // A resent upload finds its first one and stores nothing.
  const resent = await findActionByRequest(
    tx,
    enforcementCaseActions,
    enforcementCaseActions.caseId,
    before.id,
    input.requestId,
  );
  if (resent) return before;
  assertStepAllowed(caseWorkflow, 'attachBap', before.status);
  if ((await sniffDocument(input.file.bytes)) !== 'application/pdf')
    throw new AppError('validation_failed', { file: 'enforcement.v.pdfOnly' });
  const key = `enforcement/${input.caseId}/bap-${crypto.randomUUID()}`;
  await storage.put(key, input.file.bytes, 'application/pdf');
  const after = await performCaseAction(tx, caller, {
    caseId: input.caseId,
    step: 'attachBap',
    bapKey: key,
    requestId: input.requestId,
  });
  // The BAP it replaces goes once this commits.
  if (before.bapKey) await enqueueJob(tx, STORAGE_DELETE_JOB, { key: before.bapKey });
  return after;
}
