import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { sendSurveyLink } from '../surveys/send-survey-link.ts';
import type { HomeVisit } from './schema.ts';
import { alreadyDone, assertStatus, lockHomeVisit, recordVisitAction } from './visit-actions.ts';

/**
 * Records that the officers went: on or after the visit day, with an optional note of what happened. With the public
 * address given, the requester is mailed a one-time satisfaction survey link.
 */
export async function markVisited(tx: Tx, caller: Caller, input: { visitId: string; note?: string | null; requestId?: string | null; publicUrl?: string }, now = new Date()): Promise<HomeVisit> {
  const visit = await lockHomeVisit(tx, input.visitId);
  if (await alreadyDone(tx, visit.id, input.requestId)) return visit;
  assertStatus(visit, ['scheduled'], 'visited');
  if (visit.visitDate! > witaDate(now)) throw new AppError('wrong_day');
  const note = input.note?.trim() || null;
  await recordVisitAction(tx, caller, visit, { type: 'visited', status: 'visited', payload: { date: visit.visitDate, ...(note ? { note } : {}) }, requestId: input.requestId });
  if (input.publicUrl) {
    const [requester] = await tx.select({ email: accounts.email, name: accounts.name }).from(accounts).where(eq(accounts.id, visit.requesterAccountId));
    await sendSurveyLink(tx, { unitCode: visit.unitCode, service: 'home_visit', refId: visit.id, to: requester?.email ?? null, name: requester?.name ?? '' }, input.publicUrl);
  }
  return lockHomeVisit(tx, visit.id);
}
