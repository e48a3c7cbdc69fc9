import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { performPermitAction } from './perform-permit-action.ts';
import type { StayPermit } from './schema.ts';

/**
 * A change of status (alih status, extension) filed and paid on `paidOn`, no later than the permit's last day: while
 * it is decided, days past the end are not overstay (shared/domain-oversight.md §1.4). Paid after the end, it is
 * refused: those days are overstay. Caller already authorised by permit-services.
 */
export function markChangePaid(
  tx: Tx,
  caller: Caller,
  input: { permitId: string; paidOn: string; reference?: string | null; requestId?: string | null },
): Promise<StayPermit> {
  const step = { permitId: input.permitId, step: 'markChangePaid' as const, requestId: input.requestId };
  return performPermitAction(tx, caller, step, (p) => {
    if (input.paidOn > p.validUntil) throw new AppError('validation_failed', { paidOn: 'stayPermits.v.paidAfterEnd' });
    return {
      set: { pendingChangePaidOn: input.paidOn },
      payload: { paidOn: input.paidOn, reference: input.reference ?? null },
    };
  });
}
