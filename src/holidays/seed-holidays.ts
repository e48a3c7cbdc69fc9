import Holidays from 'date-holidays';
import type { Executor } from '../platform/db/index.ts';
import { holidays } from './schema.ts';

/**
 * Indonesia's public holidays for the given years from date-holidays. Cuti bersama are decided each year by joint
 * ministerial decree and are not in that data: admins add them, and edit anything the library has wrong.
 */
export async function seedHolidays(db: Executor, years: number[]): Promise<void> {
  const calendar = new Holidays('ID');
  const rows = years.flatMap((year) =>
    calendar
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name, kind: 'national' as const, unitCode: null })),
  );
  if (rows.length > 0) await db.insert(holidays).values(rows).onConflictDoNothing();
}
