import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { lockEntry } from './lock-entry.ts';
import { authorize } from './policy.ts';
import { recordWatchlistAction } from './record-watchlist-action.ts';
import { watchlistActions, watchlistEntries, type BanList, type WatchlistEntry } from './schema.ts';

/**
 * Ends a listing before its last day, with the reason; the entry and its history stay so that earlier hits remain
 * explainable. A resent request id finds the lift it made and changes nothing.
 */
export async function liftWatchlistEntry(
  tx: Tx,
  caller: Caller & { actor: Actor },
  input: { id: string; list?: BanList; reason: string; requestId?: string | null },
): Promise<WatchlistEntry> {
  const list = input.list ?? 'exit';
  authorize(caller.actor, 'watchlist.lift', list);
  const entry = await lockEntry(tx, input.id, list);
  if (await findActionByRequest(tx, watchlistActions, watchlistActions.entryId, entry.id, input.requestId))
    return entry;
  if (entry.liftedAt) throw new AppError('invalid_transition');
  const [lifted] = await tx
    .update(watchlistEntries)
    .set({ liftedAt: new Date(), liftedBy: caller.actor.id, liftReason: input.reason })
    .where(eq(watchlistEntries.id, entry.id))
    .returning();
  await recordWatchlistAction(tx, caller, lifted!, {
    type: 'lift',
    requestId: input.requestId,
    payload: { reason: input.reason },
  });
  return lifted!;
}
