import { closedDays } from '../holidays/closed-days.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { availability } from './availability.ts';
import { bookingWindow, type WindowRules } from './booking-window.ts';
import type { Channel } from './schema.ts';

export type CalendarDay = { date: IsoDate; state: 'open' | 'full' | 'closed'; remaining: number };

/** Every date of the booking window for a unit, channel and passport type: open, full (a waitlist), or closed. */
export async function bookingCalendar(
  db: Executor,
  input: { unitCode: string; channel: Channel; passportType: 'biasa' | 'elektronik' },
  rules: WindowRules,
  now = new Date(),
): Promise<CalendarDay[]> {
  const { from, to } = bookingWindow(now, rules);
  const [days, closed] = await Promise.all([
    availability(db, { ...input, from, to, now, rules }),
    closedDays(db, input.unitCode, from, to),
  ]);
  return days.map(({ date, capacity, remaining, open }) => ({
    date,
    remaining,
    state: open ? 'open' : !closed.has(date) && capacity > 0 && remaining === 0 ? 'full' : 'closed',
  }));
}
