import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import { lockLodging } from './get-lodging.ts';
import { mailDecision } from './lodging-mails.ts';
import { authorize } from './policy.ts';
import { lodgingActions, lodgings, type Lodging } from './schema.ts';
import { lodgingWorkflow, stepsWithReason, type LodgingStep } from './workflow.ts';

/**
 * Every decision of the office on a lodging goes through here, in the caller's transaction: the lodging is locked,
 * the officer's role and unit checked, a resent request id answered with the lodging as it is, the step allowed from
 * the current status (else invalid_transition and nothing changes), a refusal or suspension given its reason, then
 * the action, the status and the audit entry together, and the mail to the lodging queued with them.
 */
export async function performLodgingAction(
  tx: Tx,
  caller: Caller,
  input: { lodgingId: string; step: LodgingStep; reason?: string | null; requestId?: string | null },
  options: { publicUrl: string; now?: Date },
): Promise<Lodging> {
  const lodging = await lockLodging(tx, input.lodgingId);
  const rule = lodgingWorkflow[input.step];
  authorize(caller.actor, rule.by, { unitCode: lodging.unitCode, scope: await actorScope(tx, caller.actor) });
  if (await findActionByRequest(tx, lodgingActions, lodgingActions.lodgingId, lodging.id, input.requestId))
    return lodging;
  assertStepAllowed(lodgingWorkflow, input.step, lodging.status);
  const reason = input.reason?.trim() || null;
  if (stepsWithReason.includes(input.step) && !reason)
    throw new AppError('validation_failed', { reason: 'v.required' });
  const type = rule.records ?? input.step;
  const payload = reason ? { reason } : {};
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: lodgingActions,
      entry: { lodgingId: lodging.id, fromStatus: lodging.status, toStatus: rule.to ?? null, note: reason },
      record: lodgings,
      recordId: lodging.id,
      type,
      status: rule.to,
      set: { statusAt: options.now ?? new Date() },
      payload,
      requestId: input.requestId,
    },
    {
      action: `lodging.${type}`,
      targetType: 'lodging',
      targetId: lodging.id,
      unitCode: lodging.unitCode,
      details: payload,
    },
  );
  await mailDecision(tx, lodging, input.step, { publicUrl: options.publicUrl, reason });
  return lockLodging(tx, lodging.id);
}
