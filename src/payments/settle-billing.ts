import { eq } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { applications } from '../applications/schema.ts';
import { appointments } from '../appointments/schema.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { billings } from './schema.ts';

export type Settlement = { code: string; amount?: number; reference?: string; paidAt?: Date };

/** How far ahead of this server's clock a bank's `paidAt` may be (clocks differ a little, never by much). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Records the payment of a billing code (from the bank's notification or `sikoe payments settle`). A repeated
 * notification changes nothing; a payment after the code expired, or of another amount, is refused. The payment time
 * the bank gives must lie while the code was valid: not before it was issued, not after it expired, not in the future.
 */
export async function settleBilling(tx: Tx, caller: Caller, input: Settlement, now = new Date()): Promise<{ code: string; paidAt: Date; alreadyPaid: boolean }> {
  const [billing] = await tx.select().from(billings).where(eq(billings.code, input.code)).for('update');
  if (!billing) throw new AppError('not_found');
  if (billing.paidAt) return { code: billing.code, paidAt: billing.paidAt, alreadyPaid: true };
  const paidAt = input.paidAt ?? now;
  if (paidAt < billing.createdAt || paidAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError('validation_failed', { paidAt: 'v.paidAtOutside' });
  if (input.amount !== undefined && input.amount !== billing.amount) throw new AppError('validation_failed', { amount: 'v.amountMismatch' });
  const [appointment] = await tx.select().from(appointments).where(eq(appointments.id, billing.appointmentId)).for('update');
  if (!appointment || appointment.state !== 'booked' || billing.expiresAt < paidAt) throw new AppError('billing_expired');
  await tx.update(billings).set({ paidAt, paymentReference: input.reference ?? null }).where(eq(billings.code, billing.code));
  await tx.update(appointments).set({ state: 'paid' }).where(eq(appointments.id, appointment.id));
  // Paying moves a booked application to 'paid'; one already at the office (a walk-in pays after check-in) keeps
  // its place in the workflow, and the counter's confirm-payment step reads the billing.
  const [application] = await tx.select({ status: applications.status }).from(applications).where(eq(applications.id, billing.applicationId));
  await recordAction(tx, caller, {
    applicationId: billing.applicationId,
    type: 'payment_received',
    status: application?.status === 'booked' ? 'paid' : undefined,
    payload: { billingCode: billing.code, amount: billing.amount },
  });
  await appendAudit(tx, caller, { action: 'payment.settle', targetType: 'billing', targetId: billing.code, unitCode: appointment.unitCode, details: { reference: input.reference } });
  return { code: billing.code, paidAt, alreadyPaid: false };
}
