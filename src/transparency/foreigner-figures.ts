import { countStays, type StayCount } from '../lodgings/count-stays.ts';
import { countOverstays, type OverstayCount } from '../overstays/count-overstays.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { countPermits, type PermitCount } from '../stay-permits/count-permits.ts';

/** Fewer holders than this of one nationality in a unit, month and type are counted under OTHER. */
export const SMALL_COUNT = 3;
export const OTHER_NATIONALITY = 'OTHER';

export type ForeignerFigures = { permits: PermitCount[]; lodgingReports: StayCount[]; overstays: OverstayCount[] };

/**
 * A nationality with one or two holders in a unit's month could point at a person in a small office's area, so
 * those are added up as OTHER; the totals stay right.
 */
function groupSmallNationalities(rows: PermitCount[]): PermitCount[] {
  const out = new Map<string, PermitCount>();
  for (const row of rows) {
    const nationality = row.count < SMALL_COUNT ? OTHER_NATIONALITY : row.nationality;
    const key = `${row.month}|${row.unitCode}|${row.type}|${nationality}`;
    const into = out.get(key);
    if (into) into.count += row.count;
    else out.set(key, { ...row, nationality });
  }
  return [...out.values()];
}

/** The open figures on foreigners for a period: stay permits, lodging reports and overstays, counts only. */
export async function foreignerFigures(db: Executor, range: { from: IsoDate; to: IsoDate }): Promise<ForeignerFigures> {
  const [permits, lodgingReports, overstays] = await Promise.all([
    countPermits(db, range),
    countStays(db, range),
    countOverstays(db, range),
  ]);
  return { permits: groupSmallNationalities(permits), lodgingReports, overstays };
}
