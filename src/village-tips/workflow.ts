import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { TipStatus, WarningStatus } from './schema.ts';

/** The intelligence officers' steps on a tip, posted from its page or the API. */
export const tipSteps = ['take', 'triage', 'answer', 'hand_over', 'note', 'close'] as const;
export type TipStep = (typeof tipSteps)[number];
/** Where a tip is handed over: the Timpora team of the area, or the police (TPPO is a crime, UU 21/2007). */
export const handOverTargets = ['timpora', 'police'] as const;
export type HandOverTarget = (typeof handOverTargets)[number];

type Step<Status extends string> = WorkflowStep<Status, 'tip.handle' | 'warning.manage'> & { public?: boolean };

/**
 * received → triaged (credible or not, with a note) → closed with an outcome. An answer (public: the sender reads
 * it with the secret) may come before or after triage; a hand-over to Timpora or the police is recorded without
 * moving the status; notes are internal. A duplicate or nonsense may be closed before triage. An oversight officer
 * takes an open tip (it becomes theirs in the queue, as a complaint's assignee), or takes it over from a colleague.
 */
export const tipWorkflow: Record<TipStep, Step<TipStatus>> = {
  take: { from: ['received', 'triaged'], by: 'tip.handle' },
  triage: { from: ['received'], to: 'triaged', by: 'tip.handle' },
  answer: { from: ['received', 'triaged'], by: 'tip.handle', public: true },
  hand_over: { from: ['triaged'], by: 'tip.handle' },
  note: { from: ['received', 'triaged', 'closed'], by: 'tip.handle' },
  close: { from: ['received', 'triaged'], to: 'closed', by: 'tip.handle' },
};

export const warningSteps = ['note', 'close'] as const;
export type WarningStep = (typeof warningSteps)[number];

/** open → closed; notes while open (what the counter reads stays the summary). */
export const warningWorkflow: Record<WarningStep, Step<WarningStatus>> = {
  note: { from: ['open'], by: 'warning.manage' },
  close: { from: ['open'], to: 'closed', by: 'warning.manage' },
};
