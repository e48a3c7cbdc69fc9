import { bookingWindow } from '../src/appointments/booking-window.ts';
import { closedDays } from '../src/holidays/closed-days.ts';
import { addDays, type IsoDate } from '../src/platform/calendar/wita.ts';
import type { Executor } from '../src/platform/db/index.ts';

/** The n-th bookable serving day (0 = the first) of a unit within today's booking window. */
export async function serviceDay(
  db: Executor,
  unitCode: string,
  n = 0,
  rules = { windowDays: 30, opensAt: '08:00' },
): Promise<IsoDate> {
  const window = bookingWindow(new Date(), rules);
  const closed = await closedDays(db, unitCode, window.from, window.to);
  let seen = 0;
  for (let d = window.from; d <= window.to; d = addDays(d, 1)) {
    if (closed.has(d)) continue;
    if (seen++ === n) return d;
  }
  throw new Error('no serving day in the window');
}
