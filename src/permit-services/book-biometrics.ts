import { reserveVisit } from '../appointments/reserve-visit.ts';
import { closedDays } from '../holidays/closed-days.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays, witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { ruleOf } from './get-application.ts';
import { performApplicationAction } from './perform-application-action.ts';
import type { PermitApplication } from './schema.ts';

/** How far ahead a biometrics visit may be booked. */
export const BOOKING_DAYS = 30;

/** The days the applicant may choose: the unit's working days from tomorrow for BOOKING_DAYS days. */
export async function biometricsDays(db: Executor, unitCode: string, today: IsoDate): Promise<IsoDate[]> {
  const closed = await closedDays(db, unitCode, addDays(today, 1), addDays(today, BOOKING_DAYS));
  return Array.from({ length: BOOKING_DAYS }, (_, i) => addDays(today, i + 1)).filter((d) => !closed.has(d));
}

/**
 * The applicant books (or moves) the biometrics visit of a paid application on one of the unit's working days. The
 * place is the unit's `stay_permit` quota in appointments (the head of office sets it with the passport quotas):
 * reserveVisit takes it with the day's conditional update, so two bookings of the last place never both get it, and
 * a move gives the old day's place back in the same transaction. `biometricsOn` keeps the day for the pages.
 */
export function bookBiometrics(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; date: IsoDate; requestId?: string },
  now = new Date(),
): Promise<PermitApplication> {
  return performApplicationAction(tx, caller, { ...input, step: 'book' }, async (application) => {
    if (!(await ruleOf(tx, application)).biometrics) throw new AppError('invalid_transition');
    const days = await biometricsDays(tx, application.unitCode, witaDate(now));
    if (!days.includes(input.date)) throw new AppError('validation_failed', { date: 'permitServices.v.dateNotOpen' });
    const visit = await reserveVisit(
      tx,
      { applicationId: application.id, unitCode: application.unitCode, date: input.date },
      now,
    );
    if (!visit) throw new AppError('validation_failed', { date: 'permitServices.v.dateFull' });
    const { appointmentId, movedFrom } = visit;
    const payload = { date: input.date, appointmentId, ...(movedFrom && { movedFrom }) };
    return { set: { biometricsOn: input.date }, payload };
  });
}
