import { and, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { holidays } from './schema.ts';

/**
 * Indonesia's public holidays for the given years from date-holidays. Cuti bersama are decided each year by joint
 * ministerial decree and are not in that data: admins add them, and edit anything the library has wrong. A year is
 * seeded once (when it has no national holiday yet), so a holiday an admin removed or moved does not come back at
 * the next start.
 */
export async function seedHolidays(db: Executor, years: number[]): Promise<void> {
  const rows = [];
  for (const year of years) {
    const seeded = await db.$count(
      holidays,
      and(eq(holidays.kind, 'national'), gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)),
    );
    if (seeded > 0) continue;
    // Loaded only for a year still to seed: the library and its calendars take long to load at every start.
    const { default: Holidays } = await import('date-holidays');
    const calendar = new Holidays('ID');
    rows.push(
      ...calendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => ({ date: h.date.slice(0, 10), name: h.name, kind: 'national' as const, unitCode: null })),
    );
  }
  if (rows.length > 0) await db.insert(holidays).values(rows).onConflictDoNothing();
}
