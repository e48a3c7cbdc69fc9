import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { authorize } from './policy.ts';
import { watchlistEntries, type BanList, type WatchlistEntry } from './schema.ts';

/**
 * A list's entries, newest first: those in force or still to begin, or with `includeLifted` also the lifted and
 * ended ones. Opening a list of listed people is audited.
 */
export async function listWatchlist(
  tx: Tx,
  caller: Caller & { actor: Actor },
  options: { list?: BanList; includeLifted?: boolean } = {},
  today: IsoDate = witaDate(),
): Promise<WatchlistEntry[]> {
  const list = options.list ?? 'exit';
  authorize(caller.actor, 'watchlist.view', list);
  const current = and(isNull(watchlistEntries.liftedAt), gte(watchlistEntries.validUntil, today));
  const entries = await tx
    .select()
    .from(watchlistEntries)
    .where(and(eq(watchlistEntries.list, list), options.includeLifted ? undefined : current))
    .orderBy(desc(watchlistEntries.addedAt), desc(watchlistEntries.id))
    .limit(1000);
  await appendAudit(tx, caller, {
    action: 'watchlist.view',
    targetType: 'watchlist',
    unitCode: caller.actor.unitCode,
    details: { list, includeLifted: !!options.includeLifted },
  });
  return entries;
}
