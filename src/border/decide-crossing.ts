import { getCrossingPoint } from '../crossing-points/get-crossing-point.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import { applyCrossing } from './apply-crossing.ts';
import { lockCrossing } from './find-crossing.ts';
import { authorize, authorizeRole } from './policy.ts';
import { crossingActions, crossings, type Crossing } from './schema.ts';
import { crossingWorkflow, type DecisionStep } from './workflow.ts';

export type DecisionInput = {
  crossingId: string;
  step: DecisionStep;
  reason: string;
  /** A hand-over: the agency that takes the traveller (police, customs, quarantine …). */
  agency?: string | null;
  requestId?: string | null;
};

/**
 * The supervisor's decision on a held crossing, the one way its status changes: the crossing locked, the role and
 * the point's unit checked, a resent request id answered with the crossing as it is, the step allowed from `held`
 * (else invalid_transition), never by the officer who recorded it (four eyes), a reason (and a hand-over's agency)
 * required; then the history entry, the status and the audit together. An allowed crossing happens now (counts, a
 * foreigner's departure); a refusal or hand-over changes nothing else.
 */
export async function decideCrossing(
  tx: Tx,
  caller: Caller,
  input: DecisionInput,
  now = new Date(),
): Promise<Crossing> {
  authorizeRole(caller.actor, 'crossing.decide');
  const crossing = await lockCrossing(tx, input.crossingId);
  const rule = crossingWorkflow[input.step];
  authorize(caller.actor, rule.by, { unitCode: crossing.unitCode, scope: await actorScope(tx, caller.actor) });
  if (await findActionByRequest(tx, crossingActions, crossingActions.crossingId, crossing.id, input.requestId))
    return crossing;
  assertStepAllowed(crossingWorkflow, input.step, crossing.status);
  if (caller.actor?.id === crossing.recordedBy) throw new AppError('four_eyes_required');
  const reason = input.reason.trim();
  const agency = input.agency?.trim() || null;
  const errors: FieldErrors = {};
  if (!reason) errors.reason = 'v.required';
  if (input.step === 'hand_over' && !agency) errors.agency = 'v.required';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const payload = { reason, ...(agency ? { agency } : {}) };
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: crossingActions,
      entry: { crossingId: crossing.id, fromStatus: crossing.status, toStatus: rule.to ?? null, note: reason },
      record: crossings,
      recordId: crossing.id,
      type: rule.records ?? input.step,
      status: rule.to,
      set: { statusAt: now },
      payload,
      requestId: input.requestId,
    },
    {
      action: `crossing.${rule.records ?? input.step}`,
      targetType: 'crossing',
      targetId: crossing.id,
      unitCode: crossing.unitCode,
      details: payload,
    },
  );
  const decided = await lockCrossing(tx, crossing.id);
  if (decided.status === 'allowed') {
    const point = await getCrossingPoint(tx, crossing.pointCode);
    await applyCrossing(tx, caller, decided, point.name, now);
  }
  return decided;
}
