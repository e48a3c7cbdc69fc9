import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { performVisitAction } from './perform-visit-action.ts';
import type { HomeVisit } from './schema.ts';
import { mailRequester } from './visit-mails.ts';

/**
 * The office's answer, no, with the reason the requester is mailed and sees on the status page. A request already
 * accepted may still be refused before it is scheduled (e.g. the applicant turned out able to come).
 */
export function refuseHomeVisit(
  tx: Tx,
  caller: Caller,
  input: { visitId: string; reason: string; requestId?: string | null },
  publicUrl: string,
): Promise<HomeVisit> {
  return performVisitAction(
    tx,
    caller,
    { visitId: input.visitId, step: 'refuse', requestId: input.requestId },
    async (visit) => {
      const reason = input.reason.trim();
      if (!reason) throw new AppError('validation_failed', { reason: 'v.required' });
      await mailRequester(tx, visit, 'refused', { publicUrl, reason });
      return { set: { refusalReason: reason, answeredAt: visit.answeredAt ?? new Date() }, payload: { reason } };
    },
  );
}
