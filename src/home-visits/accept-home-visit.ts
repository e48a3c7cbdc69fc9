import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import type { HomeVisit } from './schema.ts';
import { alreadyDone, assertStatus, lockHomeVisit, recordVisitAction } from './visit-actions.ts';

/** The office's first answer, yes: the visit will be planned. The answer counts for the 2-working-day deadline. */
export async function acceptHomeVisit(tx: Tx, caller: Caller, input: { visitId: string; note?: string | null; requestId?: string | null }): Promise<HomeVisit> {
  const visit = await lockHomeVisit(tx, input.visitId);
  if (await alreadyDone(tx, visit.id, input.requestId)) return visit;
  assertStatus(visit, ['requested'], 'accept');
  const note = input.note?.trim() || null;
  await recordVisitAction(tx, caller, visit, { type: 'accepted', status: 'accepted', set: { answeredAt: new Date() }, payload: note ? { note } : {}, requestId: input.requestId });
  return lockHomeVisit(tx, visit.id);
}
