import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { AdoptedVillageAction } from './policy.ts';
import type { ActivityStatus } from './schema.ts';

export const activitySteps = ['held', 'cancel'] as const;
export type ActivityStep = (typeof activitySteps)[number];

/** planned → held (with the people reached), or cancelled (its officers freed on the roster). */
export const activityWorkflow: Record<ActivityStep, WorkflowStep<ActivityStatus, AdoptedVillageAction>> = {
  held: { from: ['planned'], to: 'held', by: 'adopted_village.act' },
  cancel: { from: ['planned'], to: 'cancelled', by: 'adopted_village.act', records: 'cancelled' },
};
