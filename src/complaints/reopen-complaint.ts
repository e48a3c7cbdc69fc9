import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { lockComplaint, recordComplaintAction } from './complaint-actions.ts';
import { complaintOfHolder, mayReopen } from './follow-complaint.ts';

/**
 * The secret's holder is not satisfied with the answer: within 14 days of it (or of the closing) the complaint goes
 * back to in_progress with their reason, and must be answered again. Later, invalid_transition and nothing changes.
 */
export async function reopenComplaint(tx: Tx, caller: Caller, input: { trackingCode: string; secret: string; reason: string }, now = new Date()): Promise<void> {
  const found = await complaintOfHolder(tx, input.trackingCode, input.secret);
  const complaint = await lockComplaint(tx, found.id);
  if (!(await mayReopen(tx, complaint, now))) throw new AppError('invalid_transition', undefined, { step: 'reopen', status: complaint.status });
  const reason = input.reason.trim();
  if (!reason) throw new AppError('validation_failed', { reason: 'v.required' });
  await recordComplaintAction(tx, { actor: null, requestId: caller.requestId, system: 'complainant' }, complaint, {
    type: 'reopen',
    status: 'in_progress',
    set: { closedAt: null },
    payload: { reason },
  });
}
