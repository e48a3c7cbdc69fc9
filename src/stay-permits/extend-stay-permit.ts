import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { performPermitAction } from './perform-permit-action.ts';
import type { StayPermit } from './schema.ts';

export type ExtendStayPermitInput = {
  permitId: string;
  /** The new last day of stay. */
  validUntil: string;
  /** What decided it, e.g. the application's id in permit-services, kept in the history. */
  reference?: string | null;
  requestId?: string | null;
};

/**
 * An extension decided: the permit's end moves later and its count of extensions grows; a change of status paid
 * while it waited is settled by the decision. Caller already authorised by permit-services (see perform-permit-action).
 */
export function extendStayPermit(tx: Tx, caller: Caller, input: ExtendStayPermitInput): Promise<StayPermit> {
  return performPermitAction(
    tx,
    caller,
    { permitId: input.permitId, step: 'extend', requestId: input.requestId },
    (p) => {
      if (input.validUntil <= p.validUntil)
        throw new AppError('validation_failed', { validUntil: 'stayPermits.v.extendLater' });
      return {
        set: { validUntil: input.validUntil, extensions: p.extensions + 1, pendingChangePaidOn: null },
        payload: {
          from: p.validUntil,
          to: input.validUntil,
          extension: p.extensions + 1,
          reference: input.reference ?? null,
        },
      };
    },
  );
}
