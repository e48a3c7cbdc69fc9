import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { ComplaintStatus } from './schema.ts';

/** The officers' steps, posted from the complaint's page. */
export const complaintSteps = ['verify', 'forward', 'archive', 'assign', 'answer', 'close', 'reply', 'note'] as const;
export type ComplaintStep = (typeof complaintSteps)[number];
/** Every step: the officers', the complainant's own (with the secret) and the escalation scan's. */
export type ComplaintWorkflowStep = ComplaintStep | 'reopen' | 'rate' | 'escalate';

/** Officers who may handle the complaint (policy.ts), the holder of its secret, or the system's own job. */
type By = 'complaint.handle' | 'holder' | 'system';
type Step = WorkflowStep<ComplaintStatus, By> & { public: boolean };

/**
 * received → verified (answer deadline set) | forwarded (not our authority, with where) | archived (with why);
 * verified → in_progress by assignment (reassignment keeps it there) → answered (a public reply) → closed.
 * Replies are public and do not move the status; notes are internal. The complainant reopens an answered or closed
 * complaint (within REOPEN_DAYS, a rule of the step) and rates a closed one; the daily scan marks the overdue.
 */
export const workflow: Record<ComplaintWorkflowStep, Step> = {
  verify: { from: ['received'], to: 'verified', by: 'complaint.handle', public: false },
  forward: { from: ['received', 'verified'], to: 'forwarded', by: 'complaint.handle', public: true },
  archive: { from: ['received', 'verified'], to: 'archived', by: 'complaint.handle', public: true },
  assign: { from: ['verified', 'in_progress'], to: 'in_progress', by: 'complaint.handle', public: false },
  answer: { from: ['in_progress'], to: 'answered', by: 'complaint.handle', public: true },
  close: { from: ['answered'], to: 'closed', by: 'complaint.handle', public: false },
  reply: { from: ['received', 'verified', 'in_progress', 'answered'], by: 'complaint.handle', public: true },
  note: {
    from: ['received', 'verified', 'forwarded', 'archived', 'in_progress', 'answered', 'closed'],
    by: 'complaint.handle',
    public: false,
  },
  reopen: { from: ['answered', 'closed'], to: 'in_progress', by: 'holder', public: false },
  rate: { from: ['closed'], by: 'holder', records: 'rated', public: false },
  escalate: { from: ['received', 'verified', 'in_progress'], by: 'system', records: 'escalated', public: false },
};
