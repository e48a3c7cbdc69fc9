import { closedDays } from '../holidays/closed-days.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import { nthWorkingDay } from '../platform/calendar/working-days.ts';
import type { Executor } from '../platform/db/index.ts';
import type { VillageTip } from './schema.ts';

/** A tip is triaged (credible or not) within 2 working days of its receipt: an early warning must be early. */
export const TRIAGE_WORKING_DAYS = 2;
/** And closed with an outcome within 14 working days (the service level; no published standard found). */
export const CLOSE_WORKING_DAYS = 14;

/** Both deadlines from the day of receipt, on the office's calendar (weekends, holidays, its own closures skipped). */
export async function tipDeadlines(
  db: Executor,
  unitCode: string,
  receivedDay: IsoDate,
): Promise<{ triageDueOn: IsoDate; closeDueOn: IsoDate }> {
  // Fourteen working days fit in six weeks even around Lebaran's cuti bersama; twelve weeks leave room to spare.
  const closed = await closedDays(db, unitCode, addDays(receivedDay, 1), addDays(receivedDay, 7 * 12));
  const isClosed = (d: IsoDate) => closed.has(d);
  return {
    triageDueOn: nthWorkingDay(receivedDay, TRIAGE_WORKING_DAYS, isClosed),
    closeDueOn: nthWorkingDay(receivedDay, CLOSE_WORKING_DAYS, isClosed),
  };
}

export type TipOverdue = { triage: boolean; close: boolean };

/** Not triaged by its triage day, or not closed by its closing day (dates in WITA). */
export function overdueOf(tip: Pick<VillageTip, 'status' | 'triageDueOn' | 'closeDueOn'>, today: IsoDate): TipOverdue {
  return {
    triage: tip.status === 'received' && tip.triageDueOn < today,
    close: tip.status !== 'closed' && tip.closeDueOn < today,
  };
}
