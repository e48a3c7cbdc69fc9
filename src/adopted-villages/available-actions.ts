import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can, type VillageTarget } from './policy.ts';
import type { VillageActivity } from './schema.ts';
import { activitySteps, activityWorkflow, type ActivityStep } from './workflow.ts';

/** The steps the officer may take on the activity now, read from the workflow the use case enforces. */
export function availableActivitySteps(
  actor: Actor,
  activity: Pick<VillageActivity, 'status'>,
  target: VillageTarget,
): ActivityStep[] {
  return activitySteps.filter((step) => {
    const rule = activityWorkflow[step];
    return stepAllowed(rule, activity.status) && can(actor, rule.by, target);
  });
}
