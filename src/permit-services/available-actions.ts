import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { PermitApplication } from './schema.ts';
import { officerServiceSteps, serviceWorkflow, type OfficerServiceStep } from './workflow.ts';

/**
 * The officer's steps on the application right now, for its page to offer: those its status allows (read from the
 * workflow the use case enforces), that their role runs in its unit, and, for a decision, only to an officer who did
 * not verify it (four eyes).
 */
export function availableServiceSteps(
  actor: Actor,
  application: PermitApplication,
  scope: readonly string[],
): OfficerServiceStep[] {
  return officerServiceSteps.filter((step) => {
    const rule = serviceWorkflow[step];
    return (
      stepAllowed(rule, application.status) &&
      can(actor, rule.by, { unitCode: application.unitCode, scope }) &&
      (step === 'verify' || application.verifiedBy !== actor.id)
    );
  });
}

/** The applicant's steps: booking biometrics once paid (when the service takes them), withdrawing while open. */
export const mayBook = (application: PermitApplication, biometrics: boolean): boolean =>
  biometrics && stepAllowed(serviceWorkflow.book, application.status);
export const mayWithdraw = (application: PermitApplication): boolean =>
  stepAllowed(serviceWorkflow.withdraw, application.status);
