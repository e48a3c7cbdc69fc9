import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { performPermitAction } from './perform-permit-action.ts';
import type { StayPermit } from './schema.ts';

export type EndStayPermitInput = {
  permitId: string;
  /** The last day the holder may stay (EPO: leave within the dated number of days, counted by permit-services). */
  leaveBy: string;
  reference?: string | null;
  requestId?: string | null;
};

/**
 * EPO (exit permit only): the permit ends and the holder must leave by `leaveBy`, which becomes the permit's last day
 * of stay (`valid_until`), so a holder still here after it overstays; the end it had is kept in the history.
 * Caller already authorised by permit-services.
 */
export function endStayPermit(tx: Tx, caller: Caller, input: EndStayPermitInput): Promise<StayPermit> {
  return performPermitAction(tx, caller, { permitId: input.permitId, step: 'end', requestId: input.requestId }, (p) => {
    if (input.leaveBy < p.validFrom)
      throw new AppError('validation_failed', { leaveBy: 'stayPermits.v.leaveBeforeFrom' });
    return {
      set: { validUntil: input.leaveBy, pendingChangePaidOn: null },
      payload: { leaveBy: input.leaveBy, validUntilBefore: p.validUntil, reference: input.reference ?? null },
    };
  });
}
