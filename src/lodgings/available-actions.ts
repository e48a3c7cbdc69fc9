import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { Lodging } from './schema.ts';
import { lodgingSteps, lodgingWorkflow, type LodgingStep } from './workflow.ts';

/** The steps the officer may take on the lodging now: those its status allows and their role runs in its unit. */
export function availableLodgingSteps(actor: Actor, lodging: Lodging, scope: readonly string[]): LodgingStep[] {
  return lodgingSteps.filter((step) => {
    const rule = lodgingWorkflow[step];
    return stepAllowed(rule, lodging.status) && can(actor, rule.by, { unitCode: lodging.unitCode, scope });
  });
}
