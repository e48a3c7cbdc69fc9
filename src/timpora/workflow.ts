import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { TimporaAction } from './policy.ts';
import type { OperationStatus, RecommendationStatus } from './schema.ts';

/** A joint operation's steps (SOP IMI-KP.04.01-1398): each a form on the operation page. */
export const operationSteps = ['prepare', 'start', 'report', 'cancel'] as const;
export type OperationStep = (typeof operationSteps)[number];

/**
 * recommendation (the meeting's written recommendation) → preparation (the preparatory meeting) → operation (in
 * the field: findings are recorded only now) → reported; cancelled any time before it is reported.
 */
export const operationWorkflow: Record<OperationStep, WorkflowStep<OperationStatus, TimporaAction>> = {
  prepare: { from: ['recommendation'], to: 'preparation', by: 'timpora.operate' },
  start: { from: ['preparation'], to: 'operation', by: 'timpora.operate' },
  report: { from: ['operation'], to: 'reported', by: 'timpora.operate' },
  cancel: { from: ['recommendation', 'preparation', 'operation'], to: 'cancelled', by: 'timpora.operate' },
};

/** A recommendation's follow-up: notes while it is open, then done. */
export const recommendationSteps = ['note', 'done'] as const;
export type RecommendationStep = (typeof recommendationSteps)[number];

export const recommendationWorkflow: Record<RecommendationStep, WorkflowStep<RecommendationStatus, TimporaAction>> = {
  note: { from: ['open'], by: 'timpora.follow_up' },
  done: { from: ['open'], to: 'done', by: 'timpora.follow_up' },
};
