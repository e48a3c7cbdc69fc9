import { and, desc, eq, gte, isNull, like, or, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { documentKey, nameKey } from './name-key.ts';
import { authorize } from './policy.ts';
import { watchlistEntries, type BanList, type WatchlistEntry } from './schema.ts';

export const PAGE_SIZE = 100;

export type WatchlistQuery = {
  list?: BanList;
  includeLifted?: boolean;
  /** Part of a name (in any spelling `nameKey` brings to one), a whole NIK or a whole document number. */
  search?: string;
  /** The last entry of the page before: the page goes on with the entries added before it. */
  before?: string;
  limit?: number;
};

export type WatchlistPage = {
  entries: WatchlistEntry[];
  /** The `before` of the next page, when there are older entries. */
  next: string | null;
};

/**
 * The entries whose name holds the search's words, or whose NIK or document number is the search; none for a search
 * of marks only ("-", "%"), which is no name and no number and would otherwise find the whole list.
 */
function searchCondition(search: string) {
  const words = nameKey(search);
  const document = documentKey(search);
  return (
    or(
      words ? like(watchlistEntries.nameKey, `%${words}%`) : undefined,
      /^\d{16}$/.test(search) ? eq(watchlistEntries.nik, search) : undefined,
      document ? eq(watchlistEntries.documentNumber, document) : undefined,
    ) ?? sql`false`
  );
}

/**
 * A list's entries, newest first, a page at a time (keyset on the time added and the id, so a page stays right while
 * entries are added): those in force or still to begin, or with `includeLifted` also the lifted and ended ones,
 * optionally those a search finds. Opening a list of listed people is audited (whether it was searched, not what for).
 */
export async function listWatchlist(
  tx: Tx,
  caller: Caller & { actor: Actor },
  options: WatchlistQuery = {},
  today: IsoDate = witaDate(),
): Promise<WatchlistPage> {
  const list = options.list ?? 'exit';
  authorize(caller.actor, 'watchlist.view', list);
  const limit = options.limit ?? PAGE_SIZE;
  const search = options.search?.trim();
  const current = and(isNull(watchlistEntries.liftedAt), gte(watchlistEntries.validUntil, today));
  // An unknown `before` (another list's entry, or none) ends the list rather than starting it again.
  const older = options.before
    ? sql`(${watchlistEntries.addedAt}, ${watchlistEntries.id}) < (select w.added_at, w.id from ${watchlistEntries} w
        where w.id = ${options.before} and w.list = ${list})`
    : undefined;
  const rows = await tx
    .select()
    .from(watchlistEntries)
    .where(
      and(
        eq(watchlistEntries.list, list),
        options.includeLifted ? undefined : current,
        search ? searchCondition(search) : undefined,
        older,
      ),
    )
    .orderBy(desc(watchlistEntries.addedAt), desc(watchlistEntries.id))
    .limit(limit + 1);
  await appendAudit(tx, caller, {
    action: 'watchlist.view',
    targetType: 'watchlist',
    unitCode: caller.actor.unitCode,
    details: { list, includeLifted: !!options.includeLifted, searched: !!search, paged: !!options.before },
  });
  const entries = rows.slice(0, limit);
  return { entries, next: rows.length > limit ? entries[entries.length - 1]!.id : null };
}
