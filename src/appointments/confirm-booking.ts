import { applicationMailbox } from '../applications/applicant-mailbox.ts';
import { findLatestBilling } from '../payments/find-billing.ts';
import type { Tx } from '../platform/db/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { getUnit } from '../units/list-units.ts';
import { bookingConfirmationMail } from './booking-mails.ts';
import { findAppointment } from './find-appointment.ts';
import { liveStates, type AppointmentState } from './schema.ts';

/** The job every booking queues in its own statement: the confirmation mail is written off the booking's hot path. */
export const CONFIRM_JOB = 'appointment.confirm';

/**
 * Queues the confirmation mail of a booking to the applicant's proved address (nobody when there is none), while the
 * appointment is still live: one cancelled or released before the job ran is not confirmed. A booking that rolled
 * back queued no job, and a resent request books nothing, so each booking is confirmed once.
 */
export async function confirmBooking(tx: Tx, appointmentId: string, publicUrl: string): Promise<boolean> {
  const appointment = await findAppointment(tx, appointmentId);
  if (!appointment || !(liveStates as readonly AppointmentState[]).includes(appointment.state)) return false;
  const mailbox = await applicationMailbox(tx, appointment.applicationId);
  const billing = mailbox && (await findLatestBilling(tx, appointmentId));
  if (!mailbox || !billing) return false;
  const unit = await getUnit(tx, appointment.unitCode);
  return enqueueMail(
    tx,
    bookingConfirmationMail(mailbox.lang, mailbox.to, {
      code: mailbox.trackingCode,
      date: appointment.date,
      unit: unit.name,
      address: unit.address,
      phone: unit.phone,
      mapUrl: unit.mapUrl,
      amount: billing.amount,
      billingCode: billing.code,
      payBefore: billing.expiresAt,
      link: `${publicUrl}/applications/${appointment.applicationId}/appointment`,
    }),
  );
}
