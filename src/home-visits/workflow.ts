import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { HomeVisitAction } from './policy.ts';
import type { HomeVisitStatus } from './schema.ts';

/** The officers' steps, each a form on the visit's page. */
export const officerVisitSteps = ['accept', 'refuse', 'schedule', 'link', 'visited'] as const;
export type OfficerVisitStep = (typeof officerVisitSteps)[number];
export type VisitStep = OfficerVisitStep | 'evidence';

/** A request still being handled: the requester may add evidence and is told what comes next. */
export const openVisitStatuses: readonly HomeVisitStatus[] = ['requested', 'accepted', 'scheduled'];

/**
 * requested → accepted (the first answer) → scheduled (and rescheduled) → visited; a request not yet scheduled may be
 * refused. The applicant's application is linked to a scheduled visit; the requester adds evidence while it is open.
 * Officers run the steps by their policy action (policy.ts); the requester adds evidence to their own request.
 */
type Steps = { [S in OfficerVisitStep]: WorkflowStep<HomeVisitStatus, Exclude<HomeVisitAction, 'visit.view'>> } & {
  evidence: WorkflowStep<HomeVisitStatus, 'requester'>;
};

export const visitWorkflow: Steps = {
  accept: { from: ['requested'], to: 'accepted', by: 'visit.triage', records: 'accepted' },
  refuse: { from: ['requested', 'accepted'], to: 'refused', by: 'visit.triage', records: 'refused' },
  schedule: { from: ['accepted', 'scheduled'], to: 'scheduled', by: 'visit.triage', records: 'scheduled' },
  link: { from: ['scheduled'], by: 'visit.serve', records: 'application_linked' },
  visited: { from: ['scheduled'], to: 'visited', by: 'visit.serve' },
  evidence: { from: openVisitStatuses, by: 'requester', records: 'evidence_added' },
};
