import type { StayCount } from '../lodgings/count-stays.ts';
import type { IkmResult } from '../surveys/compute-ikm.ts';
import type { OverstayCount } from '../overstays/count-overstays.ts';
import type { DesaBinaanRow } from './desa-binaan-figures.ts';
import type { ForeignerFigures } from './foreigner-figures.ts';
import type { OversightRow } from './oversight-figures.ts';
import { SMALL_COUNT } from './small-counts.ts';

const small = (value: unknown) => typeof value === 'number' && value > 0 && value < SMALL_COUNT;

/** A row with the named counts of people emptied (null) where the small-count rule left them out. */
export type Suppressed<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

/**
 * The one small-count rule of the open figures, applied after the sources' own grouping (nationalities and regencies
 * of one or two people are already added up as OTHER there): in a row the rule applies to, a count of people of one
 * or two could point at someone in a small office's area. A row whose counts of people are all under three (or
 * zero) is left out; a row with larger counts keeps them and leaves the small ones empty. No row publishes a total
 * that the emptied cell could be recovered from by subtraction within that row.
 */
export function protectCounts<T extends object, K extends keyof T & string>(
  rows: readonly T[],
  counted: readonly K[],
  appliesTo: (row: T) => boolean = () => true,
): Suppressed<T, K>[] {
  return rows.flatMap((row) => {
    if (!appliesTo(row)) return [row];
    const smallOnes = counted.filter((name) => small(row[name]));
    if (smallOnes.length === 0) return [row];
    if (counted.every((name) => small(row[name]) || row[name] === 0)) return [];
    return [{ ...row, ...Object.fromEntries(smallOnes.map((name) => [name, null])) }];
  });
}

/** Rows of a single count of people: the rule leaves out a small one's row, never empties it. */
const leaveOutSmall = <T extends { count: number }>(rows: readonly T[], appliesTo: (row: T) => boolean): T[] =>
  protectCounts(rows, ['count'], appliesTo) as T[];

/**
 * Offices' IKM beside the region's: the region's respondents and mean, less the published offices', would give back
 * a left-out office's mean. So when offices are left out for too few respondents, the next smallest are left out with
 * them until those left out hold at least SMALL_COUNT respondents together (a region of fewer is left out by the rule
 * itself). Returns the offices left out.
 */
export function complementIkm<T extends { respondents: number }>(offices: readonly T[]): Set<T> {
  const hidden = new Set(offices.filter((o) => small(o.respondents)));
  const rest = offices.filter((o) => o.respondents >= SMALL_COUNT).sort((a, b) => a.respondents - b.respondents);
  const sum = () => [...hidden].reduce((n, o) => n + o.respondents, 0);
  while (hidden.size > 0 && sum() < SMALL_COUNT && rest.length > 0) hidden.add(rest.shift()!);
  return hidden;
}

/** An office's IKM as counted. */
export type OfficeIkm = Pick<IkmResult, 'respondents' | 'ikm' | 'converted' | 'category'>;
/** As published: emptied for too few respondents (or as their complement). */
export type PublishedIkm = Suppressed<OfficeIkm, 'respondents' | 'ikm' | 'converted' | 'category'>;

/** Offices' IKM with those of too few respondents (and their complement) emptied; the offices themselves stay. */
export function protectIkm<U extends { ikm: OfficeIkm }>(
  units: readonly U[],
): (Omit<U, 'ikm'> & { ikm: PublishedIkm })[] {
  const hidden = complementIkm(units.map((u) => u.ikm));
  const empty: PublishedIkm = { respondents: null, ikm: null, converted: null, category: null };
  return units.map((u) => ({ ...u, ikm: hidden.has(u.ikm) ? empty : u.ikm }));
}

export type ProtectedForeignerFigures = {
  permits: ForeignerFigures['permits'];
  lodgingReports: Suppressed<StayCount, 'reports' | 'late'>[];
  overstays: Suppressed<OverstayCount, 'overstays' | 'paid' | 'proposed'>[];
};

/** Permits count holders (an OTHER row of one or two is left out); lodging reports and overstays count guests. */
export const protectForeigners = (f: ForeignerFigures): ProtectedForeignerFigures => ({
  permits: leaveOutSmall(f.permits, () => true),
  lodgingReports: protectCounts(f.lodgingReports, ['reports', 'late']),
  overstays: protectCounts(f.overstays, ['overstays', 'paid', 'proposed']),
});

/** Operations are the office's own work; every other section counts people checked, acted on or held. */
export const protectOversight = (rows: readonly OversightRow[]) =>
  leaveOutSmall(rows, (r) => r.section !== 'operations');

/** Tips and deferrals are about people; villages, activities and people reached are the programme's own work. */
export const protectDesaBinaan = (rows: readonly DesaBinaanRow[]) =>
  leaveOutSmall(rows, (r) => r.section === 'tips' || r.section === 'deferrals');
