import type { App } from '../platform/http/server.ts';
import { registerLodgingOversightJobs } from './oversight-jobs.ts';
import { registerLodgingOversightRoutes } from './oversight-page-routes.tsx';
import { registerPartnerGrantRoutes } from './partner-page-routes.tsx';

/** Lodging reports: the office's oversight (lodged now, movements, flags, silent lodgings), partner grants, jobs. */
export async function registerLodgings(app: App): Promise<void> {
  registerLodgingOversightRoutes(app);
  registerPartnerGrantRoutes(app);
  await registerLodgingOversightJobs(app.deps.jobs, app.deps.database.db, app.deps.config.lodgingRetentionDays);
}
