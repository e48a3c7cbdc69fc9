import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { OverstayAction } from './policy.ts';
import type { ProposalStatus } from './schema.ts';

/** The head of office's steps on a proposal, each a form on the unit's overstay page. */
export const proposalSteps = ['acknowledge'] as const;
export type ProposalStep = (typeof proposalSteps)[number];

/**
 * proposed (by the daily scan) → acknowledged by the head of office. The administrative action itself (TAK) is a
 * case of the oversight issue, which will start from an acknowledged proposal.
 */
export const proposalWorkflow: Record<ProposalStep, WorkflowStep<ProposalStatus, OverstayAction>> = {
  acknowledge: { from: ['proposed'], to: 'acknowledged', by: 'overstay.acknowledge', records: 'acknowledged' },
};
