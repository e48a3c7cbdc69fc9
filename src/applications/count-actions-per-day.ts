import { sql } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { DailyRow } from '../platform/rollups/daily-source.ts';
import { applicationActions, applications } from './schema.ts';

/**
 * Actions of one type whose payload contains `match`, per WITA day, application unit and the payload's `key` ('' where
 * an action lacks it), between `from` and `to`: `countActionsByPayload` per day, for the features' daily counts.
 */
export async function countActionsPerDay(
  db: Executor,
  q: {
    type: string;
    match: Record<string, string>;
    key: string;
    from: IsoDate;
    to: IsoDate;
    unitCodes?: readonly string[];
  },
): Promise<DailyRow[]> {
  return queryRows<DailyRow>(
    db,
    sql`select to_char(x.at at time zone 'Asia/Makassar', 'YYYY-MM-DD') as day, a.unit_code as "unitCode",
        coalesce(x.payload->>${q.key}, '') as key, count(*)::int as value
      from ${applicationActions} x join ${applications} a on a.id = x.application_id
      where x.type = ${q.type} and x.payload @> ${JSON.stringify(q.match)}::jsonb
        and x.at >= ${witaInstant(q.from)} and x.at < ${witaInstant(addDays(q.to, 1))} and a.unit_code is not null
        ${q.unitCodes ? sql`and a.unit_code in ${q.unitCodes}` : sql``}
      group by 1, 2, 3`,
  );
}
