import { and, count, desc, eq, inArray, lte, ne } from 'drizzle-orm';
import { closedDays } from '../holidays/closed-days.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays, witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import { takeTurn, type Executor, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { ruleOf } from './get-application.ts';
import { performApplicationAction } from './perform-application-action.ts';
import { permitApplications, permitBiometricsCapacity, type PermitApplication } from './schema.ts';
import { openStatuses } from './workflow.ts';

/** Bookings of one unit's day take turns (the advisory-lock space of this count). */
const BIOMETRICS_LOCK_SPACE = 7432;

/** How far ahead a biometrics visit may be booked. */
export const BOOKING_DAYS = 30;
/** The capacity row for every unit without its own. */
export const ANY_UNIT = '*';

/** How many biometrics visits the unit takes on the day: its own row in force, else the one for any unit. */
export async function biometricsCapacity(db: Executor, unitCode: string, date: IsoDate): Promise<number> {
  const c = permitBiometricsCapacity;
  const rows = await db
    .select({ unitCode: c.unitCode, perDay: c.perDay })
    .from(c)
    .where(and(inArray(c.unitCode, [unitCode, ANY_UNIT]), lte(c.validFrom, date)))
    .orderBy(desc(c.validFrom));
  return (rows.find((r) => r.unitCode === unitCode) ?? rows[0])?.perDay ?? 0;
}

/** The days the applicant may choose: the unit's working days from tomorrow for BOOKING_DAYS days. */
export async function biometricsDays(db: Executor, unitCode: string, today: IsoDate): Promise<IsoDate[]> {
  const closed = await closedDays(db, unitCode, addDays(today, 1), addDays(today, BOOKING_DAYS));
  return Array.from({ length: BOOKING_DAYS }, (_, i) => addDays(today, i + 1)).filter((d) => !closed.has(d));
}

/**
 * The applicant books (or moves) the biometrics visit of a paid application on one of the unit's working days, while
 * the day has room. The unit-and-day lock makes two bookings of the last place take turns.
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
    await takeTurn(tx, BIOMETRICS_LOCK_SPACE, `${application.unitCode}:${input.date}`);
    const a = permitApplications;
    const [taken] = await tx
      .select({ n: count() })
      .from(a)
      .where(
        and(
          eq(a.unitCode, application.unitCode),
          eq(a.biometricsOn, input.date),
          ne(a.id, application.id),
          // Withdrawn, refused and decided applications no longer hold their visit.
          inArray(a.status, [...openStatuses]),
        ),
      );
    if ((taken?.n ?? 0) >= (await biometricsCapacity(tx, application.unitCode, input.date)))
      throw new AppError('validation_failed', { date: 'permitServices.v.dateFull' });
    return { set: { biometricsOn: input.date }, payload: { date: input.date } };
  });
}
