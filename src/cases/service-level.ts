import type { Speed } from '../applications/schema.ts';
import { closedDays } from '../holidays/closed-days.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import { nthWorkingDay } from '../platform/calendar/working-days.ts';
import type { Executor } from '../platform/db/index.ts';

/** Working days a reguler passport may take once biometrics and payment are both in; percepatan is the same day. */
export const REGULER_WORKING_DAYS = 4;

/**
 * The day a case is due, counted on the unit's calendar (weekends, holidays, cuti bersama and its own closures do
 * not count): the 4th working day after `start` for reguler, `start` itself for percepatan.
 */
export async function dueDate(db: Executor, unitCode: string, speed: Speed, start: IsoDate): Promise<IsoDate> {
  if (speed === 'percepatan') return start;
  // Six weeks always hold four working days, even around Lebaran's cuti bersama.
  const closed = await closedDays(db, unitCode, addDays(start, 1), addDays(start, 42));
  return nthWorkingDay(start, REGULER_WORKING_DAYS, (day) => closed.has(day));
}
