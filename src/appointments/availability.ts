import { datesBetween, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { closedDays } from '../holidays/closed-days.ts';
import { unitServes } from '../units/list-units.ts';
import { bookingWindow, type WindowRules } from './booking-window.ts';
import { capacities, hasStock } from './capacity.ts';
import type { Channel } from './schema.ts';

export type DayAvailability = { date: IsoDate; capacity: number; remaining: number; open: boolean };

/**
 * What a unit can offer per date: open only inside the booking window, on a serving day, with places left and,
 * when a passport type is named, blank books of that type in stock; never at a unit that does not serve (a planned or
 * closed post).
 */
export async function availability(
  db: Executor,
  input: {
    unitCode: string;
    channel: Channel;
    from: IsoDate;
    to: IsoDate;
    passportType?: 'biasa' | 'elektronik';
    now: Date;
    rules: WindowRules;
  },
): Promise<DayAvailability[]> {
  const window = bookingWindow(input.now, input.rules);
  const [serving, closed, capacityOn, stocked] = await Promise.all([
    unitServes(db, input.unitCode),
    closedDays(db, input.unitCode, input.from, input.to),
    capacities(db, input.unitCode, input.channel, input.from, input.to),
    input.passportType ? hasStock(db, input.unitCode, input.passportType) : Promise.resolve(true),
  ]);
  return datesBetween(input.from, input.to).map((date) => {
    const { capacity, booked } = capacityOn(date);
    const remaining = Math.max(0, capacity - booked);
    const open = serving && stocked && remaining > 0 && !closed.has(date) && date >= window.from && date <= window.to;
    return { date, capacity, remaining, open };
  });
}
