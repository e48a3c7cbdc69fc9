import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { OutreachAction } from './policy.ts';
import type { SessionStatus } from './schema.ts';

/** The office's steps, each a form on the session's page. */
export const officerSessionSteps = ['approve', 'refuse', 'delivery', 'register'] as const;
export type OfficerSessionStep = (typeof officerSessionSteps)[number];
export type SessionStep = OfficerSessionStep | 'join';

/** A session that takes participants and whose delivery may still be set: approved, or under way. */
const live: readonly SessionStatus[] = ['approved', 'held'];

type Steps = { [S in OfficerSessionStep]: WorkflowStep<SessionStatus, Exclude<OutreachAction, 'session.view'>> } & {
  join: WorkflowStep<SessionStatus, 'applicant'>;
};

/**
 * requested → approved (date, capacity, officers, kits, the session code) | refused (with the reason). While a session
 * is live the office sets the delivery, officers register participants on site and applicants join with the code;
 * joining a session that is not live is refused on the form's field, as a wrong code is.
 */
export const sessionWorkflow: Steps = {
  approve: { from: ['requested'], to: 'approved', by: 'session.decide', records: 'approved' },
  refuse: { from: ['requested'], to: 'refused', by: 'session.decide', records: 'refused' },
  delivery: { from: live, by: 'session.decide', records: 'delivery_set' },
  register: {
    from: live,
    by: 'session.register',
    records: 'participant_registered',
    refusedAs: { trackingCode: 'outreach.v.sessionClosed' },
  },
  join: {
    from: live,
    by: 'applicant',
    records: 'participant_joined',
    refusedAs: { sessionCode: 'outreach.v.sessionClosed' },
  },
};
