import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { DailyRow, DailySource } from '../platform/rollups/daily-source.ts';

/** Lodging reports per WITA day of check-in and unit (`reports`), and the late ones (`late`): `countStays` per day. */
export const staysDaily: DailySource = {
  name: 'lodgings.stays',
  rows: async (db: Executor, from: IsoDate, to: IsoDate, unitCodes?: readonly string[]) =>
    (
      await queryRows<{ day: IsoDate; unit_code: string; reports: number; late: number }>(
        db,
        sql`select to_char(check_in_at at time zone 'Asia/Makassar', 'YYYY-MM-DD') as day, unit_code,
            count(*)::int as reports, count(*) filter (where late)::int as late
          from stays
          where check_in_at >= (${from}::date)::timestamp at time zone 'Asia/Makassar'
            and check_in_at < (${to}::date + 1)::timestamp at time zone 'Asia/Makassar'
            ${unitCodes ? sql`and unit_code in ${unitCodes}` : sql``}
          group by 1, 2`,
      )
    ).flatMap((r): DailyRow[] => [
      { day: r.day, unitCode: r.unit_code, key: 'reports', value: r.reports },
      { day: r.day, unitCode: r.unit_code, key: 'late', value: r.late },
    ]),
};
