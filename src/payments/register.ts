import type { App } from '../platform/http/server.ts';
import { registerPaymentApi } from './api-routes.ts';
import type { PaidForByPurpose } from './record-payment.ts';
import { registerPaymentPages } from './page-routes.tsx';

/**
 * How to pay, and the bank's signed notification, each code's payment taken by the feature that issued it
 * (`paidFor`, given by app.ts from `src/billing-purposes.ts`).
 */
export async function registerPayments(app: App, { paidFor }: { paidFor: PaidForByPurpose }): Promise<void> {
  registerPaymentPages(app);
  await registerPaymentApi(app, { paidFor });
}
