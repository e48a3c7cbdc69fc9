import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { LodgingStatus } from './schema.ts';

/** The office's steps on a registered lodging, each a form on the lodging's officer page. */
export const lodgingSteps = ['verify', 'refuse', 'suspend', 'reinstate'] as const;
export type LodgingStep = (typeof lodgingSteps)[number];

/** Steps whose form asks why: the manager is told the reason. */
export const stepsWithReason: readonly LodgingStep[] = ['refuse', 'suspend'];

/**
 * pending → verified | refused; verified → suspended → verified. Only a verified lodging reports guests; the oversight
 * officers and the head of the lodging's office run every step.
 */
export const lodgingWorkflow: Record<LodgingStep, WorkflowStep<LodgingStatus, 'lodging.verify'>> = {
  verify: { from: ['pending'], to: 'verified', by: 'lodging.verify', records: 'verified' },
  refuse: { from: ['pending'], to: 'refused', by: 'lodging.verify', records: 'refused' },
  suspend: { from: ['verified'], to: 'suspended', by: 'lodging.verify', records: 'suspended' },
  reinstate: { from: ['suspended'], to: 'verified', by: 'lodging.verify', records: 'reinstated' },
};
