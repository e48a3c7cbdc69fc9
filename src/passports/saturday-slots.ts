import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { addDays, dayOfWeek, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { saturdayPickups, saturdayPickupSlots } from './schema.ts';

/** How many Saturdays ahead an applicant may choose from. */
export const PICKUP_WEEKS = 4;

/** The next `count` Saturdays after `today` (a Saturday today is not offered: the desk's list is already out). */
export function upcomingSaturdays(today: IsoDate, count = PICKUP_WEEKS): IsoDate[] {
  const first = addDays(today, (6 - dayOfWeek(today) + 7) % 7 || 7);
  return Array.from({ length: count }, (_, i) => addDays(first, 7 * i));
}

export type PickupChoice = { date: IsoDate; capacity: number; remaining: number };

/** The coming Saturdays on which the unit has opened pickup, with the places left on each. */
export async function pickupChoices(db: Executor, unitCode: string, today: IsoDate): Promise<PickupChoice[]> {
  const rows = await db
    .select()
    .from(saturdayPickupSlots)
    .where(and(eq(saturdayPickupSlots.unitCode, unitCode), inArray(saturdayPickupSlots.date, upcomingSaturdays(today))))
    .orderBy(asc(saturdayPickupSlots.date));
  return rows
    .filter((r) => r.capacity > 0)
    .map((r) => ({ date: r.date, capacity: r.capacity, remaining: r.capacity - r.booked }));
}

/** A unit's Saturday capacities from `from` on, for the officers' page. */
export function pickupSlotsFrom(db: Executor, unitCode: string, from: IsoDate) {
  return db
    .select()
    .from(saturdayPickupSlots)
    .where(and(eq(saturdayPickupSlots.unitCode, unitCode), gte(saturdayPickupSlots.date, from)))
    .orderBy(asc(saturdayPickupSlots.date));
}

/** A unit's Saturday capacities and places taken from `from` to `to`: what the unit's calendar shows. */
export function pickupSlotsBetween(db: Executor, unitCode: string, from: IsoDate, to: IsoDate) {
  return db
    .select({
      date: saturdayPickupSlots.date,
      capacity: saturdayPickupSlots.capacity,
      booked: saturdayPickupSlots.booked,
    })
    .from(saturdayPickupSlots)
    .where(
      and(
        eq(saturdayPickupSlots.unitCode, unitCode),
        gte(saturdayPickupSlots.date, from),
        lte(saturdayPickupSlots.date, to),
      ),
    );
}

export async function livePickup(db: Executor, applicationId: string) {
  const [row] = await db
    .select()
    .from(saturdayPickups)
    .where(and(eq(saturdayPickups.applicationId, applicationId), isNull(saturdayPickups.cancelledAt)));
  return row ?? null;
}
