import { countStays, type StayCount } from '../lodgings/count-stays.ts';
import { countOverstays, type OverstayCount } from '../overstays/count-overstays.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { countPermits, type PermitCount } from '../stay-permits/count-permits.ts';
import { groupSmallNationalities } from './small-counts.ts';

export type ForeignerFigures = { permits: PermitCount[]; lodgingReports: StayCount[]; overstays: OverstayCount[] };

/** The open figures on foreigners for a period: stay permits, lodging reports and overstays, counts only. */
export async function foreignerFigures(db: Executor, range: { from: IsoDate; to: IsoDate }): Promise<ForeignerFigures> {
  const [permits, lodgingReports, overstays] = await Promise.all([
    countPermits(db, range),
    countStays(db, range),
    countOverstays(db, range),
  ]);
  return {
    permits: groupSmallNationalities(permits, (r) => `${r.month}|${r.unitCode}|${r.type}`),
    lodgingReports,
    overstays,
  };
}
