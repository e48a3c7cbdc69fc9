import type { Caller } from '../platform/auth/caller.ts';
import type { Executor } from '../platform/db/index.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { applicationActions, applications, type ApplicationStatus } from './schema.ts';

/**
 * Appends one action to an application's history and moves its cached status, in the caller's transaction.
 * Status is what the newest status-setting action says; the column saves reading the history on every list.
 * The caller writes the audit entry, with the details its step knows.
 */
export async function recordAction(
  tx: Executor,
  caller: Caller,
  input: {
    applicationId: string;
    type: string;
    status?: ApplicationStatus;
    payload?: Record<string, unknown>;
    requestId?: string;
  },
): Promise<void> {
  await recordWorkflowAction(tx, caller, {
    history: applicationActions,
    entry: { applicationId: input.applicationId },
    record: applications,
    recordId: input.applicationId,
    type: input.type,
    status: input.status,
    set: input.status ? { statusAt: new Date() } : undefined,
    payload: input.payload,
    requestId: input.requestId,
  });
}
