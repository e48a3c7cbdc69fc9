import type { ComplaintStatus } from './schema.ts';

export const complaintSteps = ['verify', 'forward', 'archive', 'assign', 'answer', 'close', 'reply', 'note'] as const;
export type ComplaintStep = (typeof complaintSteps)[number];

type Step = { from: readonly ComplaintStatus[]; to?: ComplaintStatus; public: boolean };

/**
 * received → verified (answer deadline set) | forwarded (not our authority, with where) | archived (with why);
 * verified → in_progress by assignment (reassignment keeps it there) → answered (a public reply) → closed.
 * Replies are public and do not move the status; notes are internal.
 */
export const workflow: Record<ComplaintStep, Step> = {
  verify: { from: ['received'], to: 'verified', public: false },
  forward: { from: ['received', 'verified'], to: 'forwarded', public: true },
  archive: { from: ['received', 'verified'], to: 'archived', public: true },
  assign: { from: ['verified', 'in_progress'], to: 'in_progress', public: false },
  answer: { from: ['in_progress'], to: 'answered', public: true },
  close: { from: ['answered'], to: 'closed', public: false },
  reply: { from: ['received', 'verified', 'in_progress', 'answered'], public: true },
  note: { from: ['received', 'verified', 'forwarded', 'archived', 'in_progress', 'answered', 'closed'], public: false },
};
