import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { HomeVisit } from './schema.ts';
import { mailRequester } from './visit-mails.ts';
import { alreadyDone, assertStatus, lockHomeVisit, recordVisitAction } from './visit-actions.ts';

/**
 * The office's answer, no, with the reason the requester is mailed and sees on the status page. A request already
 * accepted may still be refused before it is scheduled (e.g. the applicant turned out able to come).
 */
export async function refuseHomeVisit(tx: Tx, caller: Caller, input: { visitId: string; reason: string; requestId?: string | null }, publicUrl: string): Promise<HomeVisit> {
  const visit = await lockHomeVisit(tx, input.visitId);
  if (await alreadyDone(tx, visit.id, input.requestId)) return visit;
  assertStatus(visit, ['requested', 'accepted'], 'refuse');
  const reason = input.reason.trim();
  if (!reason) throw new AppError('validation_failed', { reason: 'v.required' });
  await recordVisitAction(tx, caller, visit, {
    type: 'refused',
    status: 'refused',
    set: { refusalReason: reason, answeredAt: visit.answeredAt ?? new Date() },
    payload: { reason },
    requestId: input.requestId,
  });
  await mailRequester(tx, visit, 'refused', { publicUrl, reason });
  return lockHomeVisit(tx, visit.id);
}
