import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { watchlistEntries, type BanList, type WatchlistEntry } from './schema.ts';

export type Identifiers = { nik?: string | null; documentNumber?: string | null; birthDate?: string | null };

/**
 * The list's entries in force on `today` that share an identifier with a person: the NIK, the document number or
 * the birth date (a close name counts only with the same birth date, so the birth date finds every candidate). Each
 * is an index look-up (`watchlist_entries_nik_idx`, `_document_idx`, `_birth_date_idx`), so a list of 100,000 names
 * yields a handful of rows. Lifted entries and those outside their first and last day drop out here: an entry
 * expires without a job.
 */
export async function activeEntries(
  db: Executor,
  list: BanList,
  ids: Identifiers,
  today: IsoDate,
): Promise<WatchlistEntry[]> {
  const byIdentity = [
    ids.nik ? eq(watchlistEntries.nik, ids.nik) : undefined,
    ids.documentNumber ? eq(watchlistEntries.documentNumber, ids.documentNumber) : undefined,
    ids.birthDate ? eq(watchlistEntries.birthDate, ids.birthDate) : undefined,
  ].filter((c) => c !== undefined);
  if (byIdentity.length === 0) return [];
  return db
    .select()
    .from(watchlistEntries)
    .where(
      and(
        or(...byIdentity),
        eq(watchlistEntries.list, list),
        isNull(watchlistEntries.liftedAt),
        lte(watchlistEntries.validFrom, today),
        gte(watchlistEntries.validUntil, today),
      ),
    )
    .orderBy(asc(watchlistEntries.addedAt), asc(watchlistEntries.id));
}
