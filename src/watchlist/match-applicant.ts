import { and, eq, gte, isNull, or } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { nameKey, sortedWords } from './name-key.ts';
import { watchlistEntries, type WatchlistEntry } from './schema.ts';

export type WatchlistMatch = { entry: WatchlistEntry; match: 'nik' | 'name_birth_date' };

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function damerauLevenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closeness rule: two name keys (see nameKey) are close when at most 2 edits apart (1 for keys under 6
 * characters, where 2 edits make a different name: IDA/ANA), compared as written or with their words sorted, so
 * "Ndun Yohanes" meets "Yohanes Ndun" and "Yohanis Ndun". Always combined with the same birth date.
 */
export function namesClose(a: string, b: string): boolean {
  const allowed = Math.min(a.length, b.length) < 6 ? 1 : 2;
  return damerauLevenshtein(a, b) <= allowed || damerauLevenshtein(sortedWords(a), sortedWords(b)) <= allowed;
}

/**
 * The active prevention-list entry an applicant matches, if any: the same NIK, or a close name with the same birth
 * date. Lifted entries and those whose `valid_until` is before `today` (WITA) no longer count. A NIK match wins.
 */
export async function matchApplicant(
  db: Executor,
  applicant: { nik: string | null; fullName: string | null; birthDate: string | null },
  today: IsoDate,
): Promise<WatchlistMatch | null> {
  const byIdentity = [
    applicant.nik ? eq(watchlistEntries.nik, applicant.nik) : undefined,
    applicant.birthDate ? eq(watchlistEntries.birthDate, applicant.birthDate) : undefined,
  ].filter((c) => c !== undefined);
  if (byIdentity.length === 0) return null;
  const candidates = await db
    .select()
    .from(watchlistEntries)
    .where(
      and(
        isNull(watchlistEntries.liftedAt),
        or(isNull(watchlistEntries.validUntil), gte(watchlistEntries.validUntil, today)),
        or(...byIdentity),
      ),
    )
    .orderBy(watchlistEntries.addedAt);
  const exact = candidates.find((e) => applicant.nik && e.nik === applicant.nik);
  if (exact) return { entry: exact, match: 'nik' };
  const key = nameKey(applicant.fullName ?? '');
  const close = key
    ? candidates.find((e) => e.birthDate === applicant.birthDate && namesClose(e.nameKey, key))
    : undefined;
  return close ? { entry: close, match: 'name_birth_date' } : null;
}
