import { eq } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { getApplication } from '../applications/get-application.ts';
import { recordPayment, type PaidFor, type Settled, type Settlement } from '../payments/record-payment.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { appointments } from './schema.ts';

/**
 * A billing code pays for its appointment: one still booked becomes paid; one the applicant already came to
 * (`attended`: a walk-in, or someone checked in before paying) stays attended, its billing now paid; a released,
 * cancelled or expired one refuses the payment as expired. The application's history records the payment.
 */
export const appointmentPaid: PaidFor = async (tx, caller, billing) => {
  if (!billing.appointmentId || !billing.applicationId) throw new AppError('billing_expired');
  const appointmentId = billing.appointmentId;
  const applicationId = billing.applicationId;
  const [appointment] = await tx.select().from(appointments).where(eq(appointments.id, appointmentId)).for('update');
  if (!appointment || (appointment.state !== 'booked' && appointment.state !== 'attended'))
    throw new AppError('billing_expired');
  if (appointment.state === 'booked')
    await tx.update(appointments).set({ state: 'paid' }).where(eq(appointments.id, appointment.id));
  // Paying moves a booked application to 'paid'; one already at the office (a walk-in pays after check-in) keeps
  // its place in the workflow, and the counter's confirm-payment step reads the billing.
  const application = await getApplication(tx, applicationId);
  await recordAction(tx, caller, {
    applicationId,
    type: 'payment_received',
    status: application.status === 'booked' ? 'paid' : undefined,
    payload: { billingCode: billing.code, amount: billing.amount },
  });
  return { unitCode: appointment.unitCode };
};

/**
 * Settles an appointment's billing code: payments checks and records the payment (recordPayment), the appointment
 * and its application take it. Payments sit below appointments, so the settlement is composed here, where its
 * consequence lives; the bank's notification route is given this by `app.ts`.
 */
export function settleBilling(tx: Tx, caller: Caller, input: Settlement, now = new Date()): Promise<Settled> {
  return recordPayment(tx, caller, input, { appointment: appointmentPaid }, now);
}
