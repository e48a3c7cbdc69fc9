import { eq } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { findUnpaidBilling } from '../payments/find-billing.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { bookingReleasedMail } from './payment-mails.ts';
import { releasePlace } from './release-place.ts';
import { appointments } from './schema.ts';

/**
 * The job queued with every booking, due when its billing code expires: an appointment still unpaid then is
 * released and its place freed (offered to the date's waitlist, else returned), and the applicant is told by mail
 * where to book again. A paid or cancelled one is left alone, and so is an attended one (checked in before paying):
 * the counter's confirm-payment step asks for the payment.
 */
export async function expireUnpaid(
  tx: Tx,
  appointmentId: string,
  options: { publicUrl: string; now?: Date },
): Promise<{ expired: boolean; unitCode?: string; date?: string; channel?: string }> {
  const now = options.now ?? new Date();
  const [appointment] = await tx.select().from(appointments).where(eq(appointments.id, appointmentId)).for('update');
  if (!appointment || appointment.state !== 'booked') return { expired: false };
  const unpaid = await findUnpaidBilling(tx, appointmentId);
  if (!unpaid || unpaid.expiresAt > now) return { expired: false };
  const caller = systemCaller('billing expiry');
  await tx.update(appointments).set({ state: 'expired', endedAt: now }).where(eq(appointments.id, appointmentId));
  await releasePlace(tx, caller, appointment, now);
  await recordAction(tx, caller, {
    applicationId: appointment.applicationId,
    type: 'appointment_expired',
    status: 'submitted',
    payload: { appointmentId },
  });
  await appendAudit(tx, caller, {
    action: 'appointment.expire',
    targetType: 'appointment',
    targetId: appointmentId,
    unitCode: appointment.unitCode,
  });
  const about = { applicationId: appointment.applicationId, unitCode: appointment.unitCode, date: appointment.date };
  await bookingReleasedMail(tx, about, options.publicUrl);
  return { expired: true, unitCode: appointment.unitCode, date: appointment.date, channel: appointment.channel };
}
