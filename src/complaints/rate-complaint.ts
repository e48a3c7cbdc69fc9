import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { complaintOfHolder } from './follow-complaint.ts';
import { performComplaintAction } from './perform-complaint-action.ts';

/** The secret's holder says how satisfied they are with the handling of a closed complaint (1–4), once. */
export async function rateComplaint(
  tx: Tx,
  caller: Caller,
  input: { trackingCode: string; secret: string; satisfaction: number },
): Promise<void> {
  const found = await complaintOfHolder(tx, input.trackingCode, input.secret);
  await performComplaintAction(
    tx,
    { actor: null, requestId: caller.requestId, system: 'complainant' },
    { complaintId: found.id, step: 'rate', secret: input.secret, satisfaction: input.satisfaction },
  );
}
