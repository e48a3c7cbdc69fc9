import type { App } from '../platform/http/server.ts';
import { registerOverstayApiRoutes } from './api-routes.ts';
import { registerOverstayJobs } from './jobs.ts';
import { registerOverstayPages } from './page-routes.tsx';

// What other features are handed by app.ts and billing-purposes.ts: closing overstays when foreigners records a
// departure, and taking an overstay code's payment.
export { closeOverstays } from './close-overstays.ts';
export { overstayPaid } from './take-overstay-payment.ts';
/** "This person overstayed", for the deletion of people no record names (src/foreigner-references.ts). */
export { hasOverstays } from './has-overstays-sql.ts';

/** Overstays: the daily scan, the unit's list (page and API) and the head of office's proposals. */
export function registerOverstays(app: App): void {
  registerOverstayApiRoutes(app);
  registerOverstayPages(app);
  registerOverstayJobs(app.deps.jobs, app.deps.database.db);
}
