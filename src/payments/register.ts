import type { App } from '../platform/http/server.ts';
import { registerPaymentApi, type Settle } from './api-routes.ts';
import { registerPaymentPages } from './page-routes.tsx';

/** How to pay, and the bank's signed notification, settled by `settle` (appointments', given by app.ts). */
export async function registerPayments(app: App, { settle }: { settle: Settle }): Promise<void> {
  registerPaymentPages(app);
  await registerPaymentApi(app, { settle });
}
