import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import { lockBorderPass } from './get-border-pass.ts';
import { authorize } from './policy.ts';
import { borderPassActions, borderPasses, type BorderPass } from './schema.ts';
import { passWorkflow, replacementSteps, type PassStep, type ReplacementStep } from './workflow.ts';

/** Steps whose form asks why: the history keeps it (a loss: where and when; a revocation: its grounds). */
export const stepsWithReason: readonly PassStep[] = ['report_loss', 'revoke'];

export type PassActionInput = {
  passId: string;
  step: PassStep;
  reason?: string | null;
  requestId?: string | null;
  /** For `renew` and `replace_lost`: the new pass (issued in the same transaction). */
  replacementId?: string | null;
};

const isReplacement = (step: PassStep): step is ReplacementStep =>
  (replacementSteps as readonly string[]).includes(step);

/**
 * Every change to an issued pass goes through here, in the caller's transaction: the pass locked, the officer's role
 * and unit checked, a resent request id answered with the pass as it is, the step allowed from the current status
 * (else invalid_transition and nothing changes), a loss or revocation given its reason, then the action, the status
 * and the audit entry together.
 */
export async function performBorderPassAction(
  tx: Tx,
  caller: Caller,
  input: PassActionInput,
  now = new Date(),
): Promise<BorderPass> {
  const pass = await lockBorderPass(tx, input.passId);
  const rule = passWorkflow[input.step];
  authorize(caller.actor, rule.by, { unitCode: pass.unitCode, scope: await actorScope(tx, caller.actor) });
  if (await findActionByRequest(tx, borderPassActions, borderPassActions.passId, pass.id, input.requestId)) return pass;
  assertStepAllowed(passWorkflow, input.step, pass.status);
  const reason = input.reason?.trim() || null;
  if (stepsWithReason.includes(input.step) && !reason)
    throw new AppError('validation_failed', { reason: 'v.required' });
  const replacementId = isReplacement(input.step) ? input.replacementId : null;
  if (isReplacement(input.step) && !replacementId) throw new AppError('validation_failed', { replaces: 'v.invalid' });
  const type = rule.records ?? input.step;
  const payload = { ...(reason ? { reason } : {}), ...(replacementId ? { replacementId } : {}) };
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: borderPassActions,
      entry: { passId: pass.id, fromStatus: pass.status, toStatus: rule.to ?? null, note: reason },
      record: borderPasses,
      recordId: pass.id,
      type,
      status: rule.to,
      set: { ...(rule.to ? { statusAt: now } : {}), ...(replacementId ? { replacedById: replacementId } : {}) },
      payload,
      requestId: input.requestId,
    },
    {
      action: `border_pass.${type}`,
      targetType: 'border_pass',
      targetId: pass.id,
      unitCode: pass.unitCode,
      details: payload,
    },
  );
  return lockBorderPass(tx, pass.id);
}
