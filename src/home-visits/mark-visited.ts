import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { HomeVisit } from './schema.ts';
import { alreadyDone, assertStatus, lockHomeVisit, recordVisitAction } from './visit-actions.ts';

/** Records that the officers went: on or after the visit day, with an optional note of what happened. */
export async function markVisited(tx: Tx, caller: Caller, input: { visitId: string; note?: string | null; requestId?: string | null }, now = new Date()): Promise<HomeVisit> {
  const visit = await lockHomeVisit(tx, input.visitId);
  if (await alreadyDone(tx, visit.id, input.requestId)) return visit;
  assertStatus(visit, ['scheduled'], 'visited');
  if (visit.visitDate! > witaDate(now)) throw new AppError('wrong_day');
  const note = input.note?.trim() || null;
  await recordVisitAction(tx, caller, visit, { type: 'visited', status: 'visited', payload: { date: visit.visitDate, ...(note ? { note } : {}) }, requestId: input.requestId });
  return lockHomeVisit(tx, visit.id);
}
