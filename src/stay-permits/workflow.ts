import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { PermitStatus } from './schema.ts';

/**
 * Who runs a step: an officer by this feature's policy (`permit.record`), or `services`: the permit-services feature,
 * whose own workflow has already decided the application (four eyes, fee paid) and hands its authorised caller on.
 */
export type PermitStepBy = 'permit.record' | 'services';
export type PermitStep = 'extend' | 'convert' | 'cancel' | 'end' | 'markChangePaid' | 'clearChangePaid';

/** The permit's life as data (shared/domain-oversight.md §1 design notes): granted → extended n times → one end. */
export const permitWorkflow: Record<PermitStep, WorkflowStep<PermitStatus, PermitStepBy>> = {
  extend: { from: ['active'], by: 'services', records: 'extended' },
  convert: { from: ['active'], to: 'converted', by: 'services', records: 'converted' },
  cancel: { from: ['active'], to: 'cancelled', by: 'services', records: 'cancelled' },
  end: { from: ['active'], to: 'ended', by: 'services', records: 'ended' },
  markChangePaid: { from: ['active'], by: 'services', records: 'change_paid' },
  clearChangePaid: { from: ['active', 'converted', 'ended', 'cancelled'], by: 'services', records: 'change_cleared' },
};
