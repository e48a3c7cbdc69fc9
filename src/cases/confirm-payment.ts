import { findPaidBilling } from '../payments/find-paid-billing.ts';
import { AppError } from '../platform/errors.ts';
import type { StepHandler } from './case-step.ts';

/** The fee was paid on the booking's billing code (the bank's notification settled it); the counter takes no cash. */
export const confirmPayment: StepHandler<'confirm_payment'> = async (ctx) => {
  const paid = await findPaidBilling(ctx.tx, ctx.application.id);
  if (!paid) throw new AppError('payment_missing');
  return {
    status: 'payment_confirmed',
    payload: {
      billingCode: paid.code,
      amount: paid.amount,
      paidAt: paid.paidAt,
      paymentReference: paid.paymentReference,
    },
  };
};
