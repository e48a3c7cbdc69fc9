import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { complaintOfHolder } from './follow-complaint.ts';
import { performComplaintAction } from './perform-complaint-action.ts';

/**
 * The secret's holder is not satisfied with the answer: within 14 days of it (or of the closing) the complaint goes
 * back to in_progress with their reason, and must be answered again. Later, invalid_transition and nothing changes.
 */
export async function reopenComplaint(
  tx: Tx,
  caller: Caller,
  input: { trackingCode: string; secret: string; reason: string },
  now = new Date(),
): Promise<void> {
  const found = await complaintOfHolder(tx, input.trackingCode, input.secret);
  await performComplaintAction(
    tx,
    { actor: null, requestId: caller.requestId, system: 'complainant' },
    { complaintId: found.id, step: 'reopen', secret: input.secret, reason: input.reason },
    { now },
  );
}
