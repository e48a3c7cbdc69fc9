import { findUnpaidBilling } from '../payments/find-billing.ts';
import type { Tx } from '../platform/db/index.ts';
import { findAppointment } from './find-appointment.ts';
import { billingReminderMail } from './payment-mails.ts';

export const REMIND_JOB = 'billing.remind';

/** When a booking's unpaid code is worth a reminder: 30 minutes before it runs out, or halfway through a shorter life. */
export function reminderAt(issuedAt: Date, expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - Math.min(30 * 60_000, (expiresAt.getTime() - issuedAt.getTime()) / 2));
}

/**
 * The job queued with every booking, due shortly before its billing code runs out: an appointment still booked and
 * unpaid then gets a reminder with the code, the amount, the time and the way to pay. Paid, released or cancelled
 * bookings mail nobody, nor does one already attended (the applicant is at the office, which asks for the payment).
 */
export async function remindUnpaid(
  tx: Tx,
  appointmentId: string,
  publicUrl: string,
  now = new Date(),
): Promise<boolean> {
  const appointment = await findAppointment(tx, appointmentId);
  const billing = appointment && (await findUnpaidBilling(tx, appointmentId));
  if (!appointment || !billing || appointment.state !== 'booked' || billing.expiresAt <= now) return false;
  const about = { applicationId: appointment.applicationId, unitCode: appointment.unitCode, date: appointment.date };
  await billingReminderMail(tx, about, billing, publicUrl);
  return true;
}
