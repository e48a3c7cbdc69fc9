import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { Crossing } from './schema.ts';
import { crossingWorkflow, decisionSteps, type DecisionStep } from './workflow.ts';

/** The decisions the page offers on a crossing: those the workflow allows from its status to this officer. */
export function availableDecisions(actor: Actor | null, crossing: Crossing, scope: readonly string[]): DecisionStep[] {
  if (actor?.id === crossing.recordedBy) return [];
  return decisionSteps.filter(
    (step) =>
      stepAllowed(crossingWorkflow[step], crossing.status) &&
      can(actor, crossingWorkflow[step].by, { unitCode: crossing.unitCode, scope }),
  );
}
