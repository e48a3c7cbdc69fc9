import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';

export type StayCount = { unitCode: string; month: string; reports: number; late: number };

/** Lodging reports (one per guest's stay) and the late ones, by unit and WITA month of check-in: counts only
 * (of the units given, when given). */
export async function countStays(
  db: Executor,
  range: { from: IsoDate; to: IsoDate; unitCodes?: readonly string[] },
): Promise<StayCount[]> {
  const rows = await queryRows<{ unit_code: string; month: string; reports: number; late: number }>(
    db,
    sql`
    select unit_code, to_char(check_in_at at time zone 'Asia/Makassar', 'YYYY-MM') as month,
      count(*)::int as reports, count(*) filter (where late)::int as late
    from stays
    where check_in_at >= (${range.from}::date)::timestamp at time zone 'Asia/Makassar'
      and check_in_at < (${range.to}::date + 1)::timestamp at time zone 'Asia/Makassar'
      ${range.unitCodes ? sql`and unit_code in ${range.unitCodes}` : sql``}
    group by 1, 2 order by 2, 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, month: r.month, reports: r.reports, late: r.late }));
}
