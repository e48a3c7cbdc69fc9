import { closedDays } from '../holidays/closed-days.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import { nthWorkingDay } from '../platform/calendar/working-days.ts';
import type { Executor } from '../platform/db/index.ts';
import type { Complaint } from './schema.ts';

/** SP4N-LAPOR! practice: a complaint is verified within 3 working days of its receipt. */
export const VERIFY_WORKING_DAYS = 3;
/**
 * The answer is due 10 working days after verification: the office's service standard for complaints (Permenpan
 * RB 62/2018 leaves the period to the agency; two working weeks is what Kanwil NTT publishes).
 */
export const ANSWER_WORKING_DAYS = 10;
/** The complainant may reopen an answered or closed complaint within this many calendar days. */
export const REOPEN_DAYS = 14;

/** The `count`th working day after `day` on the unit's calendar (weekends, holidays and its own closures skipped). */
export async function workingDaysAfter(db: Executor, unitCode: string, day: IsoDate, count: number): Promise<IsoDate> {
  // Ten working days fit in five weeks even around Lebaran's cuti bersama; twelve weeks leave room to spare.
  const closed = await closedDays(db, unitCode, addDays(day, 1), addDays(day, 7 * 12));
  return nthWorkingDay(day, count, (d) => closed.has(d));
}

export type Overdue = { verification: boolean; answer: boolean };

/** Not verified by its verification day, or verified but not answered by its answer day (dates in WITA). */
export function overdueOf(c: Pick<Complaint, 'status' | 'verifyDueOn' | 'answerDueOn'>, today: IsoDate): Overdue {
  return {
    verification: c.status === 'received' && c.verifyDueOn < today,
    answer: (c.status === 'verified' || c.status === 'in_progress') && !!c.answerDueOn && c.answerDueOn < today,
  };
}
