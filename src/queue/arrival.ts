import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { applications } from '../applications/schema.ts';
import { normaliseTrackingCode } from '../applications/tracking-code.ts';
import { appointments } from '../appointments/schema.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { queueTickets } from './schema.ts';

const columns = {
  id: applications.id,
  status: applications.status,
  unitCode: applications.unitCode,
  trackingCode: applications.trackingCode,
  nik: applications.nik,
  fullName: applications.fullName,
  birthDate: applications.birthDate,
  feeTotal: applications.feeTotal,
};

/** The application locked for this arrival (a second reception waits and then finds the ticket), with its live appointment. */
async function lockArrival(tx: Tx, where: SQL) {
  const [application] = await tx.select(columns).from(applications).where(where).for('update');
  if (!application) return undefined;
  const [appointment] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.applicationId, application.id), inArray(appointments.state, ['booked', 'paid'])));
  return { application, appointment };
}
export type Arrival = NonNullable<Awaited<ReturnType<typeof lockArrival>>>;

export const arrivalById = (tx: Tx, applicationId: string) => lockArrival(tx, eq(applications.id, applicationId));

/**
 * The application the officer typed in, bound to the applicant's birth date. An unknown code and a wrong birth date
 * get the same answer, so the desk cannot be used to find out which codes exist.
 */
export async function arrivalByTrackingCode(tx: Tx, trackingCode: string, birthDate: IsoDate): Promise<Arrival> {
  const found = await lockArrival(tx, eq(applications.trackingCode, normaliseTrackingCode(trackingCode)));
  if (!found || found.application.birthDate !== birthDate || found.application.status === 'draft') throw new AppError('not_found');
  return found;
}

/** One ticket per application and day. */
export async function refuseSecondTicket(tx: Tx, applicationId: string, day: IsoDate): Promise<void> {
  const [ticket] = await tx
    .select({ id: queueTickets.id })
    .from(queueTickets)
    .where(and(eq(queueTickets.applicationId, applicationId), eq(queueTickets.day, day)));
  if (ticket) throw new AppError('already_checked_in');
}

/** What the officer compares with the e-KTP in front of them. */
export const applicantOf = ({ application: a }: Arrival) => ({ fullName: a.fullName, nik: a.nik, trackingCode: a.trackingCode });
