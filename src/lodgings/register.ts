import type { ForeignerReference } from '../foreigners/delete-unreferenced-foreigners.ts';
import type { App } from '../platform/http/server.ts';
import { registerLodgingApi } from './api-routes.ts';
import { registerCheckInPages } from './check-in-page-routes.tsx';
import { registerGuestPages } from './guest-page-routes.tsx';
import { registerLodgingOfficerPages } from './officer-page-routes.tsx';
import { registerLodgingOversightJobs } from './oversight-jobs.ts';
import { registerLodgingOversightRoutes } from './oversight-page-routes.tsx';
import { registerPartnerGrantRoutes } from './partner-page-routes.tsx';
import { registerLodgingPages } from './page-routes.tsx';
import { registerLodgingPublicPages } from './public-page-routes.tsx';

/**
 * Lodging reports: registration and the office's verification, members, guests' check-in and check-out, receipts;
 * the office's oversight (lodged now, movements, flags, silent lodgings), partner grants, the daily jobs.
 * `foreignerReferences`: what names a person anywhere (src/foreigner-references.ts, given by app.ts, as the features
 * above may not be imported), so that retention deletes only the people known from nothing but the stays it deletes.
 */
export async function registerLodgings(
  app: App,
  options: { foreignerReferences: readonly ForeignerReference[] },
): Promise<void> {
  registerLodgingApi(app);
  registerLodgingPages(app);
  await registerCheckInPages(app);
  await registerGuestPages(app);
  registerLodgingOfficerPages(app);
  registerLodgingPublicPages(app);
  registerLodgingOversightRoutes(app);
  registerPartnerGrantRoutes(app);
  await registerLodgingOversightJobs(app.deps.jobs, app.deps.database.db, {
    days: app.deps.config.lodgingRetentionDays,
    references: options.foreignerReferences,
  });
}

/** A person's stays, for the foreigners register's record of the person (given by app.ts). */
export { listStaysOfForeigner } from './list-stays-of-foreigner.ts';
/** "A stay names this person", for the deletion of people no record names (listed in src/foreigner-references.ts). */
export { hasStays } from './has-stays-sql.ts';
