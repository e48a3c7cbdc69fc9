import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { activeEntries } from './active-entries.ts';
import { documentKey } from './name-key.ts';
import { namesMatch } from './name-match.ts';
import type { BanList, WatchlistEntry } from './schema.ts';

export type TravelDirection = 'exit' | 'entry';

/** A traveller as the crossing desk reads them: from a passport's MRZ, a PLB or the typed fields. */
export type Traveller = {
  direction: TravelDirection;
  /** A citizen's NIK, when the document carries or leads to one (a PLB, a passport Sikoe issued). */
  nik?: string | null;
  /** ICAO nationality of the document (IDN for a citizen). */
  nationality?: string | null;
  documentNumber?: string | null;
  fullName: string;
  birthDate: IsoDate | null;
};

/** How a traveller matched an entry, strongest first. */
export const banMatchKinds = ['document', 'nik', 'name_birth_date'] as const;
export type BanMatchKind = (typeof banMatchKinds)[number];
/** What the desk is told to do on a match; the entry's grounds stay with the list's keepers. */
export type BanInstruction = 'refer_to_supervisor';

/** All the desk learns of a hit: which entry (to record with the crossing), of which list, how it matched, what to do. */
export type TravellerMatch = { entryId: string; list: BanList; match: BanMatchKind; instruction: BanInstruction };

const INDONESIA = 'IDN';

/** A document matches an entry's when the numbers are equal and the nationalities, where both are known, too. */
function sameDocument(entry: WatchlistEntry, nationality: string | null, number: string | null): boolean {
  if (!number || entry.documentNumber !== number) return false;
  return !entry.nationality || !nationality || entry.nationality === nationality;
}

function matchKind(entry: WatchlistEntry, t: Traveller, number: string | null): BanMatchKind | null {
  if (sameDocument(entry, t.nationality ?? null, number)) return 'document';
  if (t.nik && entry.nik === t.nik) return 'nik';
  if (t.birthDate && entry.birthDate === t.birthDate && namesMatch(entry.nameKey, t.fullName)) return 'name_birth_date';
  return null;
}

/**
 * The ban-list entries in force on `today` that a crossing traveller matches, strongest first, one per entry. Who
 * leaves is checked against the prevention list, citizens and foreigners alike (foreigners may be listed by
 * administrative action); who enters, against the entry-ban list, and a citizen entering against nothing (UU 6/2011
 * Pasal 14(1)); a prevention listing does not stop an arrival, so it is not reported then. Matches: the exact
 * document number (with the same nationality where both are known), the exact NIK, or a close name (`namesMatch`)
 * with the same birth date. The caller learns the entry's id, its list, the kind of match and the instruction, never
 * the person's listed details or the grounds. Entries expire by their dates in the query: no job ends them.
 */
export async function matchTraveller(db: Executor, traveller: Traveller, today: IsoDate): Promise<TravellerMatch[]> {
  const list: BanList = traveller.direction;
  const citizen = traveller.nationality ? traveller.nationality === INDONESIA : !!traveller.nik;
  if (list === 'entry' && citizen) return [];
  const number = traveller.documentNumber ? documentKey(traveller.documentNumber) : null;
  const candidates = await activeEntries(
    db,
    list,
    { nik: traveller.nik, documentNumber: number, birthDate: traveller.birthDate },
    today,
  );
  return candidates
    .map((entry) => ({ entry, match: matchKind(entry, traveller, number) }))
    .filter((m): m is { entry: WatchlistEntry; match: BanMatchKind } => m.match !== null)
    .sort((a, b) => banMatchKinds.indexOf(a.match) - banMatchKinds.indexOf(b.match))
    .map(({ entry, match }) => ({ entryId: entry.id, list: entry.list, match, instruction: 'refer_to_supervisor' }));
}
