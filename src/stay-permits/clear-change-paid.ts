import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { performPermitAction } from './perform-permit-action.ts';
import type { StayPermit } from './schema.ts';

/**
 * The paid change decided or withdrawn without a new end (refused, say): the days past the end count again.
 * Caller already authorised by permit-services.
 */
export function clearChangePaid(
  tx: Tx,
  caller: Caller,
  input: { permitId: string; reference?: string | null; requestId?: string | null },
): Promise<StayPermit> {
  const step = { permitId: input.permitId, step: 'clearChangePaid' as const, requestId: input.requestId };
  return performPermitAction(tx, caller, step, (p) => ({
    set: { pendingChangePaidOn: null },
    payload: { paidOn: p.pendingChangePaidOn, reference: input.reference ?? null },
  }));
}
