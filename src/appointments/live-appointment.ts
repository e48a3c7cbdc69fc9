import { and, count, desc, eq, gte, inArray } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { appointments, liveStates, type Appointment } from './schema.ts';

/** The application's live (booked or paid) appointment, if any: a unique index allows one. `lock` locks it. */
export async function liveAppointment(
  db: Executor,
  applicationId: string,
  options: { lock?: boolean } = {},
): Promise<Appointment | null> {
  const query = db
    .select()
    .from(appointments)
    .where(and(eq(appointments.applicationId, applicationId), inArray(appointments.state, [...liveStates])));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * The appointment the application's pages show: its live one, or the one the applicant came to (`attended`), whose
 * receipt and payment stay readable after check-in. An application is checked in once, so there is at most one of
 * either; the newest is taken all the same.
 */
export async function currentAppointment(db: Executor, applicationId: string): Promise<Appointment | null> {
  const [row] = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.applicationId, applicationId), inArray(appointments.state, [...liveStates, 'attended'])))
    .orderBy(desc(appointments.createdAt))
    .limit(1);
  return row ?? null;
}

/** How many live (booked or paid) appointments a unit holds on `from` or later: they must be moved before it closes. */
export async function countLiveAppointmentsAt(db: Executor, unitCode: string, from: IsoDate): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(appointments)
    .where(
      and(
        eq(appointments.unitCode, unitCode),
        gte(appointments.date, from),
        inArray(appointments.state, [...liveStates]),
      ),
    );
  return row?.n ?? 0;
}
