import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { performPermitAction } from './perform-permit-action.ts';
import type { StayPermit } from './schema.ts';

export type CancelStayPermitInput = {
  permitId: string;
  reason: string;
  reference?: string | null;
  requestId?: string | null;
};

/** A permit cancelled (pembatalan), with the reason in its history. Caller already authorised by permit-services. */
export function cancelStayPermit(tx: Tx, caller: Caller, input: CancelStayPermitInput): Promise<StayPermit> {
  return performPermitAction(
    tx,
    caller,
    { permitId: input.permitId, step: 'cancel', requestId: input.requestId },
    () => ({
      set: { pendingChangePaidOn: null },
      payload: { reason: input.reason, reference: input.reference ?? null },
    }),
  );
}
