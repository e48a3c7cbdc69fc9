import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { CrossingAction } from './policy.ts';
import type { CrossingStatus } from './schema.ts';

/** The supervisor's decisions in a secondary inspection, each with a reason; a hand-over also names the agency. */
export const decisionSteps = ['allow', 'refuse', 'hand_over'] as const;
export type DecisionStep = (typeof decisionSteps)[number];

/** held → allowed (the crossing happens) | refused (it does not) | handed_over (to the police, customs, …). */
export const crossingWorkflow: Record<DecisionStep, WorkflowStep<CrossingStatus, CrossingAction>> = {
  allow: { from: ['held'], to: 'allowed', by: 'crossing.decide', records: 'allowed' },
  refuse: { from: ['held'], to: 'refused', by: 'crossing.decide', records: 'refused' },
  hand_over: { from: ['held'], to: 'handed_over', by: 'crossing.decide', records: 'handed_over' },
};
