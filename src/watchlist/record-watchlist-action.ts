import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { watchlistActions, type WatchlistActionType, type WatchlistEntry } from './schema.ts';

/**
 * An entry's history row and its audit entry, in the caller's transaction (entries have no status to cache: whether
 * one counts is its lift and its dates). The audit names the list and the decision, never the person.
 */
export async function recordWatchlistAction(
  tx: Tx,
  caller: Caller & { actor: Actor },
  entry: WatchlistEntry,
  action: { type: WatchlistActionType; payload: Record<string, unknown>; requestId?: string | null },
): Promise<void> {
  await tx.insert(watchlistActions).values({
    entryId: entry.id,
    type: action.type,
    actorId: caller.actor.id,
    payload: action.payload,
    requestId: action.requestId ?? null,
  });
  await appendAudit(tx, caller, {
    action: `watchlist.${action.type}`,
    targetType: 'watchlist_entry',
    targetId: entry.id,
    unitCode: caller.actor.unitCode,
    details: { list: entry.list, ...action.payload },
  });
}
