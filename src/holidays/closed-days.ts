import { and, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { addDays, isWeekend, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { holidays } from './schema.ts';

/** Dates in [from, to] on which the unit does not serve: weekends, holidays for all units, its own closures. */
export async function closedDays(
  db: Executor,
  unitCode: string,
  from: IsoDate,
  to: IsoDate,
): Promise<Map<IsoDate, string>> {
  return (await closedDaysOfUnits(db, [unitCode], from, to)).get(unitCode)!;
}

/** closedDays of several units in one query, by unit code (work queues list cases of many units). */
export async function closedDaysOfUnits(
  db: Executor,
  unitCodes: readonly string[],
  from: IsoDate,
  to: IsoDate,
): Promise<Map<string, Map<IsoDate, string>>> {
  const rows = await db
    .select({ date: holidays.date, name: holidays.name, unitCode: holidays.unitCode })
    .from(holidays)
    .where(
      and(
        gte(holidays.date, from),
        lte(holidays.date, to),
        or(isNull(holidays.unitCode), inArray(holidays.unitCode, [...unitCodes])),
      ),
    );
  return new Map(
    unitCodes.map((unitCode) => {
      const closed = new Map<IsoDate, string>(
        rows.filter((r) => r.unitCode === null || r.unitCode === unitCode).map((r) => [r.date, r.name]),
      );
      for (let d = from; d <= to; d = addDays(d, 1)) if (isWeekend(d) && !closed.has(d)) closed.set(d, 'weekend');
      return [unitCode, closed];
    }),
  );
}

/**
 * SQL that is true when a holiday closes the unit on the date (for use inside a larger query). Weekends are not in
 * the table: check them with isWeekend.
 */
export function holidayClosesSql(unitCode: SQL | string, date: IsoDate): SQL {
  return sql`exists (select 1 from holidays h where h.date = ${date}::date and (h.unit_code is null or h.unit_code = ${unitCode}))`;
}
