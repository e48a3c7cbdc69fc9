import { closedDays } from '../holidays/closed-days.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import { nthWorkingDay } from '../platform/calendar/working-days.ts';
import type { Executor } from '../platform/db/index.ts';
import type { HomeVisit } from './schema.ts';

/** The office answers a si Koe Peduli request within this many working days of the request day. */
export const ANSWER_WORKING_DAYS = 2;

/** The 2nd working day after the request day on the unit's calendar (weekends, holidays, its own closures skipped). */
export async function answerDueOn(db: Executor, unitCode: string, requestDay: IsoDate): Promise<IsoDate> {
  // Six weeks always hold two working days, even around Lebaran's cuti bersama.
  const closed = await closedDays(db, unitCode, addDays(requestDay, 1), addDays(requestDay, 42));
  return nthWorkingDay(requestDay, ANSWER_WORKING_DAYS, (day) => closed.has(day));
}

/** Not answered yet and the deadline has passed (dates in WITA). */
export const isOverdue = (visit: Pick<HomeVisit, 'answeredAt' | 'answerDueOn'>, today: IsoDate): boolean =>
  !visit.answeredAt && visit.answerDueOn < today;
