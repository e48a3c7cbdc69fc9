import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { DailyRow, DailySource } from '../platform/rollups/daily-source.ts';

/** Stay permits (not cancelled) per day their validity began, unit and type: `countPermits` per day, without nationality. */
export const permitsDaily: DailySource = {
  name: 'stay_permits.granted',
  rows: (db: Executor, from: IsoDate, to: IsoDate, unitCodes?: readonly string[]) =>
    queryRows<DailyRow>(
      db,
      sql`select to_char(valid_from, 'YYYY-MM-DD') as day, unit_code as "unitCode", type as key, count(*)::int as value
        from stay_permits
        where valid_from between ${from}::date and ${to}::date and status <> 'cancelled'
          ${unitCodes ? sql`and unit_code in ${unitCodes}` : sql``}
        group by 1, 2, 3`,
    ),
};
