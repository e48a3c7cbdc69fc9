import type { App } from '../platform/http/server.ts';
import { registerPassportApi } from './api-routes.ts';
import { registerPassportJobs } from './jobs.ts';
import { registerPassportOfficeRoutes } from './officer-page-routes.tsx';
import { registerSaturdayPickupPages } from './pickup-page-routes.tsx';

/** Saturday pickup slots, for the head of office's calendar in roster (roster sits below passports). */
export { pickupSlotsBetween } from './saturday-slots.ts';

/** Passport issuance: the passports API, the blank-book ledger and stock, si Koe TOS pages, the void job. */
export function registerPassports(app: App): void {
  registerPassportApi(app);
  registerPassportOfficeRoutes(app);
  registerSaturdayPickupPages(app);
  registerPassportJobs(app.deps.jobs, app.deps.database.db);
}
