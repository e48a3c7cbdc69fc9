import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { unitNameSql } from '../units/unit-name-sql.ts';
import { holidays, type HolidayKind } from './schema.ts';

export type HolidayRow = {
  id: string;
  date: string;
  name: string;
  kind: HolidayKind;
  unitCode: string | null;
  unitName: string | null;
};

/** A year's holidays of every unit, and the office closures of the units in scope, by date. */
export async function listHolidays(db: Executor, year: number, scope: readonly string[]): Promise<HolidayRow[]> {
  return db
    .select({
      id: holidays.id,
      date: holidays.date,
      name: holidays.name,
      kind: holidays.kind,
      unitCode: holidays.unitCode,
      unitName: unitNameSql(holidays.unitCode),
    })
    .from(holidays)
    .where(
      and(
        gte(holidays.date, `${year}-01-01`),
        lte(holidays.date, `${year}-12-31`),
        or(isNull(holidays.unitCode), scope.length > 0 ? inArray(holidays.unitCode, [...scope]) : undefined),
      ),
    )
    .orderBy(asc(holidays.date), asc(holidays.kind), asc(unitNameSql(holidays.unitCode)));
}

export async function getHoliday(db: Executor, id: string) {
  const [row] = await db.select().from(holidays).where(eq(holidays.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}
