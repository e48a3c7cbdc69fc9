import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { authorize, authorizeRole } from './policy.ts';
import { operationActions, timporaOperations, type TimporaOperation } from './schema.ts';
import { timporaViewer } from './timpora-viewer.ts';
import { operationWorkflow, type OperationStep } from './workflow.ts';

export async function lockOperation(tx: Tx, id: string): Promise<TimporaOperation> {
  const [operation] = await tx.select().from(timporaOperations).where(eq(timporaOperations.id, id)).for('update');
  if (!operation) throw new AppError('not_found');
  return operation;
}

/**
 * Every change to an operation's status goes through here, in the caller's transaction: the operation locked, the
 * officer's right in its unit checked, a resent request id answered with the operation as it is, the step allowed
 * from the current status (else invalid_transition and nothing changes), then the action, status and audit entry.
 */
export async function performOperationAction(
  tx: Tx,
  caller: Caller,
  input: { operationId: string; step: OperationStep; note?: string; requestId?: string | null },
): Promise<TimporaOperation> {
  const step = operationWorkflow[input.step];
  authorizeRole(caller.actor, step.by);
  const operation = await lockOperation(tx, input.operationId);
  const viewer = await timporaViewer(tx, caller.actor!);
  authorize(caller.actor, step.by, { unitCode: operation.unitCode, scope: viewer.scope });
  const resent = await findActionByRequest(
    tx,
    operationActions,
    operationActions.operationId,
    operation.id,
    input.requestId,
  );
  if (resent) return operation;
  assertStepAllowed(operationWorkflow, input.step, operation.status);
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: operationActions,
      entry: { operationId: operation.id },
      record: timporaOperations,
      recordId: operation.id,
      type: step.records ?? input.step,
      status: step.to,
      payload: input.note ? { note: input.note } : {},
      requestId: input.requestId,
    },
    {
      action: `timpora.operation.${input.step}`,
      targetType: 'timpora_operation',
      targetId: operation.id,
      unitCode: operation.unitCode,
    },
  );
  return lockOperation(tx, operation.id);
}
