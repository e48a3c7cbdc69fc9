import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { Detainee, Refugee } from './schema.ts';
import {
  detaineeSteps,
  detaineeWorkflow,
  refugeeSteps,
  refugeeWorkflow,
  type DetaineeStep,
  type RefugeeStep,
} from './workflow.ts';

/** The steps the officer may take on a detainee now, read from the workflow the use case enforces. */
export function availableDetaineeSteps(
  actor: Actor,
  detainee: Pick<Detainee, 'status' | 'unitCode' | 'authorityUnitCode'>,
  scope: readonly string[],
): DetaineeStep[] {
  return detaineeSteps.filter((step) => {
    const rule = detaineeWorkflow[step];
    return stepAllowed(rule, detainee.status) && can(actor, rule.by, { ...detainee, scope });
  });
}

export function availableRefugeeSteps(
  actor: Actor,
  refugee: Pick<Refugee, 'status' | 'unitCode'>,
  scope: readonly string[],
): RefugeeStep[] {
  return refugeeSteps.filter((step) => {
    const rule = refugeeWorkflow[step];
    return stepAllowed(rule, refugee.status) && can(actor, rule.by, { unitCode: refugee.unitCode, scope });
  });
}
