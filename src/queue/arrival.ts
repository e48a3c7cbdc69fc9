import { and, eq } from 'drizzle-orm';
import { findByTrackingCode } from '../applications/find-by-tracking-code.ts';
import { lockApplication } from '../applications/get-application.ts';
import type { Application } from '../applications/schema.ts';
import { liveAppointment } from '../appointments/live-appointment.ts';
import type { Appointment } from '../appointments/schema.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { queueTickets } from './schema.ts';

/** The application locked for this arrival (a second reception waits and then finds the ticket), with its live appointment. */
export type Arrival = { application: Application; appointment: Appointment | null };

const withAppointment = async (tx: Tx, application: Application): Promise<Arrival> => ({
  application,
  appointment: await liveAppointment(tx, application.id),
});

export const arrivalById = async (tx: Tx, applicationId: string) =>
  withAppointment(tx, await lockApplication(tx, applicationId));

/**
 * The application the officer typed in, bound to the applicant's birth date. An unknown code and a wrong birth date
 * get the same answer, so the desk cannot be used to find out which codes exist.
 */
export async function arrivalByTrackingCode(tx: Tx, trackingCode: string, birthDate: IsoDate): Promise<Arrival> {
  const application = await findByTrackingCode(tx, { code: trackingCode, birthDate }, { lock: true });
  if (!application) throw new AppError('not_found');
  return withAppointment(tx, application);
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
export const applicantOf = ({ application: a }: Arrival) => ({
  fullName: a.fullName,
  nik: a.nik,
  trackingCode: a.trackingCode,
});
