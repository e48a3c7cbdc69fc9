import { closedDays } from '../holidays/closed-days.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { unitServes } from '../units/list-units.ts';
import { bookingWindow, type WindowRules } from './booking-window.ts';
import { hasStock } from './capacity.ts';
import type { PassportChannel } from './schema.ts';

/** The channel an application books in: percepatan has its own daily quota, everything else is online reguler. */
export const channelOf = (application: { speed: string | null }): PassportChannel =>
  application.speed === 'percepatan' ? 'percepatan' : 'online';

/**
 * Whether a date can be given to an application at its unit at all (places aside): inside the booking window, a
 * serving day at a unit that serves the public (not planned or closed), blank books of its type in stock. The same
 * checks bookAppointment makes before it takes a place.
 */
export async function assertServingDate(
  db: Executor,
  input: { unitCode: string; passportType: 'biasa' | 'elektronik'; date: IsoDate },
  rules: WindowRules,
  now: Date,
): Promise<void> {
  const window = bookingWindow(now, rules);
  if (input.date < window.from || input.date > window.to)
    throw new AppError('date_outside_window', { date: 'v.dateOutsideWindow' }, window);
  if (!(await unitServes(db, input.unitCode))) throw new AppError('date_closed');
  if ((await closedDays(db, input.unitCode, input.date, input.date)).has(input.date)) throw new AppError('date_closed');
  if (!(await hasStock(db, input.unitCode, input.passportType))) throw new AppError('date_closed');
}
