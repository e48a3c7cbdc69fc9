import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import { lockPermitApplication } from './application-actions.ts';
import { authorize } from './policy.ts';
import { permitApplicationActions, permitApplications, type PermitApplication } from './schema.ts';
import { serviceWorkflow, type ServiceStep } from './workflow.ts';

/** What a step records: its columns, what the history says. */
export type ApplicationChange = { set?: Partial<PermitApplication>; payload?: Record<string, unknown> };

/** Officers by the step's policy action and the application's unit; the applicant on their own; payment: the bank. */
async function authorizeStep(tx: Tx, caller: Caller, application: PermitApplication, step: ServiceStep) {
  const by = serviceWorkflow[step].by;
  if (by === 'payment') return;
  if (by === 'applicant') {
    if (!caller.actor || caller.actor.id !== application.applicantAccountId) throw new AppError('not_found');
    return;
  }
  authorize(caller.actor, by, { unitCode: application.unitCode, scope: await actorScope(tx, caller.actor) });
}

/**
 * Every change to an application after it is filed goes through here, in the caller's transaction: the application
 * is locked, the caller's right checked, a resent request id answered with the application as it is, the step
 * allowed from the current status (else invalid_transition and nothing changes), then the step's own `rules` on the
 * locked application (which may refuse by throwing, or change the permit through stay-permits), and the action, the
 * status and the audit entry together.
 */
export async function performApplicationAction(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; step: ServiceStep; requestId?: string | null },
  rules: (application: PermitApplication) => Promise<ApplicationChange>,
): Promise<PermitApplication> {
  const application = await lockPermitApplication(tx, input.applicationId);
  await authorizeStep(tx, caller, application, input.step);
  const history = permitApplicationActions;
  if (await findActionByRequest(tx, history, history.applicationId, application.id, input.requestId))
    return application;
  assertStepAllowed(serviceWorkflow, input.step, application.status);
  const change = await rules(application);
  const step = serviceWorkflow[input.step];
  const type = step.records ?? input.step;
  await recordWorkflowAction(
    tx,
    caller,
    {
      history,
      entry: { applicationId: application.id },
      record: permitApplications,
      recordId: application.id,
      type,
      status: step.to,
      set: change.set,
      payload: change.payload,
      requestId: input.requestId,
    },
    {
      action: `permit_application.${type}`,
      targetType: 'permit_application',
      targetId: application.id,
      unitCode: application.unitCode,
      details: change.payload ?? {},
    },
  );
  return lockPermitApplication(tx, application.id);
}
