import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { billings } from '../payments/schema.ts';
import { AppError } from '../platform/errors.ts';
import type { StepHandler } from './case-step.ts';

/** The fee was paid on the booking's billing code (the bank's notification settled it); the counter takes no cash. */
export const confirmPayment: StepHandler<'confirm_payment'> = async (ctx) => {
  const [paid] = await ctx.tx
    .select({ code: billings.code, paidAt: billings.paidAt, amount: billings.amount, paymentReference: billings.paymentReference })
    .from(billings)
    .where(and(eq(billings.applicationId, ctx.application.id), isNotNull(billings.paidAt)))
    .orderBy(desc(billings.paidAt))
    .limit(1);
  if (!paid) throw new AppError('payment_missing');
  return { status: 'payment_confirmed', payload: { billingCode: paid.code, amount: paid.amount, paidAt: paid.paidAt, paymentReference: paid.paymentReference } };
};
