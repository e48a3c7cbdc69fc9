import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import { authorize } from './policy.ts';
import { homeVisitActions, homeVisits, type HomeVisit } from './schema.ts';
import { lockHomeVisit } from './visit-actions.ts';
import { visitWorkflow, type VisitStep } from './workflow.ts';

/** What a step records: its columns, what the history says, and the action's type when the step's rules choose it. */
export type VisitChange = { type?: string; set?: Partial<HomeVisit>; payload?: Record<string, unknown> };

/** Officers by the step's policy action and the visit's unit; the requester only on their own request. */
async function authorizeStep(tx: Tx, caller: Caller, visit: HomeVisit, step: VisitStep): Promise<void> {
  const by = visitWorkflow[step].by;
  if (by === 'requester') {
    if (!caller.actor || caller.actor.id !== visit.requesterAccountId) throw new AppError('not_found');
    return;
  }
  authorize(caller.actor, by, { unitCode: visit.unitCode, scope: await actorScope(tx, caller.actor) });
}

/**
 * Every change to a visit after it is requested goes through here, in the caller's transaction: the visit is locked,
 * the caller's right to the step checked, a resent request id answered with the visit as it is, the step allowed from
 * the current status (else invalid_transition and nothing changes), then the step's own `rules` on the locked visit,
 * and the action, the status and the audit entry together. Rules that find nothing to change return null.
 */
export async function performVisitAction(
  tx: Tx,
  caller: Caller,
  input: { visitId: string; step: VisitStep; requestId?: string | null },
  rules: (visit: HomeVisit) => Promise<VisitChange | null>,
): Promise<HomeVisit> {
  const visit = await lockHomeVisit(tx, input.visitId);
  await authorizeStep(tx, caller, visit, input.step);
  if (await findActionByRequest(tx, homeVisitActions, homeVisitActions.visitId, visit.id, input.requestId))
    return visit;
  assertStepAllowed(visitWorkflow, input.step, visit.status);
  const change = await rules(visit);
  if (!change) return visit;
  const step = visitWorkflow[input.step];
  const type = change.type ?? step.records ?? input.step;
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: homeVisitActions,
      entry: { visitId: visit.id },
      record: homeVisits,
      recordId: visit.id,
      type,
      status: step.to,
      set: change.set,
      payload: change.payload,
      requestId: input.requestId,
    },
    {
      action: `home_visit.${type}`,
      targetType: 'home_visit',
      targetId: visit.id,
      unitCode: visit.unitCode,
      details: change.payload ?? {},
    },
  );
  return lockHomeVisit(tx, visit.id);
}
