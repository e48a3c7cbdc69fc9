import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { nameKey } from '../watchlist/name-key.ts';
import { villageWarnings, type WarningKind } from './schema.ts';
import { inForceOn } from './warning-in-force.ts';

/** What the interviewing officer may read of a warning: never the tip it came from, never who sent it. */
export type WarningNote = {
  id: string;
  kind: WarningKind;
  unitCode: string;
  summary: string;
  personName: string | null;
  recruiterName: string | null;
  areaCode: string | null;
  raisedAt: Date;
};

export type WarningSubject = {
  nik?: string | null;
  fullName?: string | null;
  birthDate?: string | null;
  /** The applicant's address village ("53.14.01.2005"): its regency is the first five characters. */
  villageCode?: string | null;
  /** Names the applicant gave for a sponsor or agent (the interview's sponsor), matched against recruiters. */
  recruiterNames?: readonly string[];
};

/**
 * The warnings in force on `today` (`inForceOn`: open, not expired) that concern a person: by NIK, by name and birth date, a village
 * warning on their village, and a recruiter warning for their village or regency or whose recruiter they named.
 * Each part is an index look-up on the open warnings.
 */
export async function findOpenWarningsFor(db: Executor, who: WarningSubject, today: IsoDate): Promise<WarningNote[]> {
  const regency = who.villageCode ? who.villageCode.slice(0, 5) : null;
  const recruiterKeys = (who.recruiterNames ?? []).map(nameKey).filter((k) => k.length > 0);
  const personKey = who.fullName ? nameKey(who.fullName) : '';
  const matches = [
    who.nik ? and(eq(villageWarnings.kind, 'person'), eq(villageWarnings.nik, who.nik)) : undefined,
    personKey && who.birthDate
      ? and(
          eq(villageWarnings.kind, 'person'),
          eq(villageWarnings.personNameKey, personKey),
          eq(villageWarnings.birthDate, who.birthDate),
        )
      : undefined,
    who.villageCode
      ? and(eq(villageWarnings.kind, 'village'), eq(villageWarnings.areaCode, who.villageCode))
      : undefined,
    who.villageCode && regency
      ? and(eq(villageWarnings.kind, 'recruiter'), inArray(villageWarnings.areaCode, [who.villageCode, regency]))
      : undefined,
    recruiterKeys.length
      ? and(eq(villageWarnings.kind, 'recruiter'), inArray(villageWarnings.recruiterNameKey, recruiterKeys))
      : undefined,
  ].filter((c) => c !== undefined);
  if (matches.length === 0) return [];
  return db
    .select({
      id: villageWarnings.id,
      kind: villageWarnings.kind,
      unitCode: villageWarnings.unitCode,
      summary: villageWarnings.summary,
      personName: villageWarnings.personName,
      recruiterName: villageWarnings.recruiterName,
      areaCode: villageWarnings.areaCode,
      raisedAt: villageWarnings.raisedAt,
    })
    .from(villageWarnings)
    .where(
      and(
        // The status as well, for the partial indexes on the open warnings.
        eq(villageWarnings.status, 'open'),
        inForceOn(today),
        or(...matches),
      ),
    )
    .orderBy(asc(villageWarnings.raisedAt), asc(villageWarnings.id));
}
