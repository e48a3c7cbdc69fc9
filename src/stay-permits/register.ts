import type { App } from '../platform/http/server.ts';
import { registerStayPermitApiRoutes } from './api-routes.ts';
import { registerStayPermitOfficerRoutes } from './officer-page-routes.tsx';
import { registerSponsorRoutes } from './sponsor-page-routes.tsx';
import { registerStayPermitJobs } from './jobs.ts';

/**
 * Stay permits and their sponsors: the permits' use cases (which permit-services calls), the office's pages, the
 * sponsors' accounts and pages, change reports, and the daily notices before a permit ends.
 */
export async function registerStayPermits(app: App): Promise<void> {
  registerStayPermitApiRoutes(app);
  registerStayPermitOfficerRoutes(app);
  registerSponsorRoutes(app);
  await registerStayPermitJobs(app);
}

/** A person's permits, for the foreigners register's record of the person (given by app.ts). */
export { listPermitsOfForeigner } from './list-permits-of-foreigner.ts';
/** "This person has a permit", for the deletion of people no record names (listed in src/foreigner-references.ts). */
export { hasPermits } from './has-permits-sql.ts';
