import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { assertStatus, lockComplaint, recordComplaintAction } from './complaint-actions.ts';
import { complaintOfHolder } from './follow-complaint.ts';

/** The secret's holder says how satisfied they are with the handling of a closed complaint (1–4), once. */
export async function rateComplaint(tx: Tx, caller: Caller, input: { trackingCode: string; secret: string; satisfaction: number }): Promise<void> {
  const found = await complaintOfHolder(tx, input.trackingCode, input.secret);
  const complaint = await lockComplaint(tx, found.id);
  assertStatus(complaint, ['closed'], 'rate');
  if (complaint.satisfaction !== null) throw new AppError('already_answered');
  await recordComplaintAction(tx, { actor: null, requestId: caller.requestId, system: 'complainant' }, complaint, {
    type: 'rated',
    set: { satisfaction: input.satisfaction },
    payload: { satisfaction: input.satisfaction },
  });
}
