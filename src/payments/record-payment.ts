import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { billings, type Billing, type BillingPurpose } from './schema.ts';

export type Settlement = { code: string; amount?: number; reference?: string; paidAt?: Date };
export type Settled = { code: string; paidAt: Date; alreadyPaid: boolean };

/**
 * What a billing code pays for, told by the feature that issued it (appointments: `appointments/settle-billing.ts`):
 * it refuses a payment it can no longer take by throwing, and records what the payment settles, in the same
 * transaction, as of `paidAt` (the bank's time of payment). Returns the unit the audit entry names.
 */
export type PaidFor = (tx: Tx, caller: Caller, billing: Billing, paidAt: Date) => Promise<{ unitCode: string }>;
/** Each purpose's taker: payments sits below the features that issue codes, so `src/billing-purposes.ts` lists them. */
export type PaidForByPurpose = Partial<Record<BillingPurpose, PaidFor>>;

/** How far ahead of this server's clock a bank's `paidAt` may be (clocks differ a little, never by much). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Records the payment of a billing code (from the bank's notification or `sikoe payments settle`). A repeated
 * notification changes nothing; a payment after the code expired, or of another amount, is refused. The payment time
 * the bank gives must lie while the code was valid: not before it was issued, not after it expired, not in the future.
 * `paidFor` then takes the payment for what the code was issued for, or refuses it.
 */
export async function recordPayment(
  tx: Tx,
  caller: Caller,
  input: Settlement,
  paidFor: PaidForByPurpose,
  now = new Date(),
): Promise<Settled> {
  const [billing] = await tx.select().from(billings).where(eq(billings.code, input.code)).for('update');
  if (!billing) throw new AppError('not_found');
  if (billing.paidAt) return { code: billing.code, paidAt: billing.paidAt, alreadyPaid: true };
  const paidAt = input.paidAt ?? now;
  if (paidAt < billing.createdAt || paidAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new AppError('validation_failed', { paidAt: 'v.paidAtOutside' });
  if (input.amount !== undefined && input.amount !== billing.amount)
    throw new AppError('validation_failed', { amount: 'v.amountMismatch' });
  if (billing.expiresAt < paidAt) throw new AppError('billing_expired');
  const taker = paidFor[billing.purpose];
  if (!taker) throw new Error(`no taker for billing purpose ${billing.purpose}`);
  const { unitCode } = await taker(tx, caller, billing, paidAt);
  await tx
    .update(billings)
    .set({ paidAt, paymentReference: input.reference ?? null })
    .where(eq(billings.code, billing.code));
  await appendAudit(tx, caller, {
    action: 'payment.settle',
    targetType: 'billing',
    targetId: billing.code,
    unitCode,
    details: { reference: input.reference },
  });
  return { code: billing.code, paidAt, alreadyPaid: false };
}
