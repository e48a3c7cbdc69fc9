import { applicationMailbox } from '../applications/applicant-mailbox.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { getUnit } from '../units/list-units.ts';
import { bookAppointment, type Booked, type BookingRules } from './book-appointment.ts';
import { bookingConfirmationMail } from './booking-mails.ts';

/** What a mail needs from the web side: where links point. */
export type Notify = { publicUrl: string };

/**
 * Books through bookAppointment and, in the same transaction, queues the confirmation mail to the applicant: a
 * booking that fails or rolls back mails nobody, and a repeated request (nothing new booked) mails nobody again.
 */
export async function bookAndNotify(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; date: string },
  rules: BookingRules,
  qrSecret: string,
  notify: Notify,
  now = new Date(),
): Promise<Booked> {
  const booked = await bookAppointment(tx, caller, input, rules, qrSecret, now);
  if (!booked.created) return booked;
  const mailbox = await applicationMailbox(tx, input.applicationId);
  if (mailbox) {
    const unit = await getUnit(tx, booked.appointment.unitCode);
    await enqueueMail(
      tx,
      bookingConfirmationMail(mailbox.lang, mailbox.to, {
        code: mailbox.trackingCode,
        date: booked.appointment.date,
        unit: unit.name,
        address: unit.address,
        phone: unit.phone,
        mapUrl: unit.mapUrl,
        amount: booked.billing.amount,
        billingCode: booked.billing.code,
        payBefore: booked.billing.expiresAt,
        link: `${notify.publicUrl}/applications/${input.applicationId}/appointment`,
      }),
    );
  }
  return booked;
}
