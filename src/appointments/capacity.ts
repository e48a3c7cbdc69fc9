import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { dayOfWeek, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { dayQuotas, quotaOverrides, quotaTemplates, type Channel } from './schema.ts';

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export const isoWeekday = (date: IsoDate) => dayOfWeek(date) || 7;

/** Capacity and bookings per date: the day's counter once it exists, else the override, else the weekly template. */
export async function capacities(db: Executor, unitCode: string, channel: Channel, from: IsoDate, to: IsoDate) {
  const [templates, overrides, counters] = await Promise.all([
    db
      .select()
      .from(quotaTemplates)
      .where(and(eq(quotaTemplates.unitCode, unitCode), eq(quotaTemplates.channel, channel))),
    db
      .select()
      .from(quotaOverrides)
      .where(
        and(
          eq(quotaOverrides.unitCode, unitCode),
          eq(quotaOverrides.channel, channel),
          gte(quotaOverrides.date, from),
          lte(quotaOverrides.date, to),
        ),
      ),
    db
      .select()
      .from(dayQuotas)
      .where(
        and(
          eq(dayQuotas.unitCode, unitCode),
          eq(dayQuotas.channel, channel),
          gte(dayQuotas.date, from),
          lte(dayQuotas.date, to),
        ),
      ),
  ]);
  const byWeekday = new Map(templates.map((t) => [t.weekday, t.capacity]));
  const byDate = new Map(overrides.map((o) => [o.date, o.capacity]));
  const counted = new Map(counters.map((c) => [c.date, c]));
  return (date: IsoDate) => {
    const counter = counted.get(date);
    if (counter) return { capacity: counter.capacity, booked: counter.booked };
    return { capacity: byDate.get(date) ?? byWeekday.get(isoWeekday(date)) ?? 0, booked: 0 };
  };
}

/** SQL for a date's planned capacity before its counter exists: the override, else the weekly template, else 0. */
export function plannedCapacitySql(unitCode: SQL | string, date: IsoDate, channel: SQL | Channel): SQL {
  return sql`coalesce(
    (select capacity from quota_overrides where unit_code = ${unitCode} and date = ${date}::date and channel = ${channel}),
    (select capacity from quota_templates where unit_code = ${unitCode} and weekday = ${isoWeekday(date)} and channel = ${channel}),
    0)`;
}

/** Creates the day's counter from the override or template if it is not there yet. */
export async function ensureDayQuota(db: Executor, unitCode: string, date: IsoDate, channel: Channel): Promise<void> {
  await db.execute(sql`
    insert into day_quotas (unit_code, date, channel, capacity, booked)
    select ${unitCode}, ${date}::date, ${channel}, ${plannedCapacitySql(unitCode, date, channel)}, 0
    on conflict do nothing`);
}

/**
 * Locks two days' counters of a unit and channel in date order, before a move from one to the other: two people
 * swapping days then wait for each other instead of deadlocking.
 */
export async function lockDaysInOrder(
  db: Executor,
  unitCode: string,
  channel: Channel,
  days: [IsoDate, IsoDate],
): Promise<void> {
  await db
    .select({ date: dayQuotas.date })
    .from(dayQuotas)
    .where(and(eq(dayQuotas.unitCode, unitCode), eq(dayQuotas.channel, channel), inArray(dayQuotas.date, days)))
    .orderBy(asc(dayQuotas.date))
    .for('update');
}

/** Takes one place if one is left; false when the day is full. Row-locked, so concurrent takers never overbook. */
export async function takePlace(db: Executor, unitCode: string, date: IsoDate, channel: Channel): Promise<boolean> {
  const rows = await db
    .update(dayQuotas)
    .set({ booked: sql`${dayQuotas.booked} + 1` })
    .where(
      and(
        eq(dayQuotas.unitCode, unitCode),
        eq(dayQuotas.date, date),
        eq(dayQuotas.channel, channel),
        sql`${dayQuotas.booked} < ${dayQuotas.capacity}`,
      ),
    )
    .returning({ booked: dayQuotas.booked });
  return rows.length === 1;
}

/** Gives a place back (cancellation, expiry, reschedule away). */
export async function returnPlace(db: Executor, unitCode: string, date: IsoDate, channel: Channel): Promise<void> {
  await db
    .update(dayQuotas)
    .set({ booked: sql`greatest(${dayQuotas.booked} - 1, 0)` })
    .where(and(eq(dayQuotas.unitCode, unitCode), eq(dayQuotas.date, date), eq(dayQuotas.channel, channel)));
}

/**
 * SQL that is true when the unit has blank books of the passport type in stock. The stock is passports' (their
 * ledger keeps it), and passports sit above appointments: this one condition reads their table by name, inside the
 * booking statement, rather than through an import.
 */
export function stockedSql(unitCode: SQL | string, passportType: SQL | string): SQL {
  return sql`coalesce((select quantity from book_stock where unit_code = ${unitCode} and passport_type = ${passportType}), 0) > 0`;
}

export async function hasStock(db: Executor, unitCode: string, passportType: 'biasa' | 'elektronik'): Promise<boolean> {
  const [row] = await queryRows<{ stocked: boolean }>(db, sql`select ${stockedSql(unitCode, passportType)} as stocked`);
  return row?.stocked === true;
}
