import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { activeEntries } from './active-entries.ts';
import { namesMatch } from './name-match.ts';
import type { WatchlistEntry } from './schema.ts';

export type WatchlistMatch = { entry: WatchlistEntry; match: 'nik' | 'name_birth_date' };

/**
 * The prevention-list entry in force that a passport applicant matches, if any: the same NIK, or a close name
 * (`namesMatch`, the rule the border desk uses too) with the same birth date. A NIK match wins.
 */
export async function matchApplicant(
  db: Executor,
  applicant: { nik: string | null; fullName: string | null; birthDate: string | null },
  today: IsoDate,
): Promise<WatchlistMatch | null> {
  const candidates = await activeEntries(db, 'exit', applicant, today);
  const exact = candidates.find((e) => applicant.nik && e.nik === applicant.nik);
  if (exact) return { entry: exact, match: 'nik' };
  const name = applicant.fullName ?? '';
  const close = candidates.find((e) => e.birthDate === applicant.birthDate && namesMatch(e.nameKey, name));
  return close ? { entry: close, match: 'name_birth_date' } : null;
}
