import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { PermitServiceAction } from './policy.ts';
import type { PermitApplicationStatus } from './schema.ts';

export const officerServiceSteps = ['verify', 'approve', 'refuse'] as const;
export type OfficerServiceStep = (typeof officerServiceSteps)[number];
export type ServiceStep = OfficerServiceStep | 'pay' | 'book' | 'withdraw';

/** Applications still being handled: one per permit (a unique index), on the work queue. */
export const openStatuses: readonly PermitApplicationStatus[] = ['billed', 'paid', 'scheduled', 'verified'];

/**
 * Filed (billed; a free service starts paid) → paid by the bank's notification → biometrics booked by the applicant
 * (scheduled; services without biometrics skip it) → verified → approved (the permit changes in the same
 * transaction) or refused, by another officer than the verifier. The applicant may withdraw until it is verified.
 */
type Steps = { [S in OfficerServiceStep]: WorkflowStep<PermitApplicationStatus, PermitServiceAction> } & {
  pay: WorkflowStep<PermitApplicationStatus, 'payment'>;
  book: WorkflowStep<PermitApplicationStatus, 'applicant'>;
  withdraw: WorkflowStep<PermitApplicationStatus, 'applicant'>;
};

export const serviceWorkflow: Steps = {
  pay: { from: ['billed'], to: 'paid', by: 'payment', records: 'paid' },
  book: { from: ['paid', 'scheduled'], to: 'scheduled', by: 'applicant', records: 'biometrics_booked' },
  withdraw: { from: ['billed', 'paid', 'scheduled'], to: 'withdrawn', by: 'applicant', records: 'withdrawn' },
  verify: { from: ['paid', 'scheduled'], to: 'verified', by: 'service.verify', records: 'verified' },
  approve: { from: ['verified'], to: 'approved', by: 'service.decide', records: 'approved' },
  refuse: { from: ['verified'], to: 'refused', by: 'service.decide', records: 'refused' },
};
