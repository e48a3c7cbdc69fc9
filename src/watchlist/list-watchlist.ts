import { desc, isNull } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { authorize } from './policy.ts';
import { watchlistEntries, type WatchlistEntry } from './schema.ts';

/** The entries, newest first (lifted ones too when asked); opening the list of listed people is audited. */
export async function listWatchlist(
  tx: Tx,
  caller: Caller & { actor: Actor },
  options: { includeLifted?: boolean } = {},
): Promise<WatchlistEntry[]> {
  authorize(caller.actor, 'watchlist.view');
  const entries = await tx
    .select()
    .from(watchlistEntries)
    .where(options.includeLifted ? undefined : isNull(watchlistEntries.liftedAt))
    .orderBy(desc(watchlistEntries.addedAt), desc(watchlistEntries.id))
    .limit(1000);
  await appendAudit(tx, caller, {
    action: 'watchlist.view',
    targetType: 'watchlist',
    unitCode: caller.actor.unitCode,
    details: { includeLifted: !!options.includeLifted },
  });
  return entries;
}
