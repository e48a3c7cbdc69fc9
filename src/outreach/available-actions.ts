import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { OutreachSession } from './schema.ts';
import { officerSessionSteps, sessionWorkflow, type OfficerSessionStep } from './workflow.ts';

/**
 * The office's steps on the session right now, for its page to offer: those its status allows (read from the
 * workflow the use case enforces) and the officer's role runs in the session's unit.
 */
export function availableSessionSteps(
  actor: Actor,
  session: OutreachSession,
  scope: readonly string[],
): OfficerSessionStep[] {
  return officerSessionSteps.filter(
    (step) =>
      stepAllowed(sessionWorkflow[step], session.status) &&
      can(actor, sessionWorkflow[step].by, { unitCode: session.unitCode, scope }),
  );
}
