import type { App } from '../platform/http/server.ts';
import { registerDetentionApiRoutes } from './api-routes.ts';
import { registerRefugeeApiRoutes } from './refugee-api-routes.ts';
import { registerDetentionJobs } from './jobs.ts';
import { registerDetentionPages } from './page-routes.tsx';
import { registerRefugeePages } from './refugee-page-routes.tsx';

// Other features import detention's use cases from their own files (enforcement: end-detention.ts, transparency:
// count-detention.ts).
/** "This person was detained / is a refugee", for the deletion of people no record names (src/foreigner-references.ts). */
export { hasDetainees } from './has-detainees-sql.ts';
export { hasRefugees } from './has-refugees-sql.ts';

/** Rudenim: detainees, the occupancy report, refugees under oversight and the daily scan. */
export function registerDetention(app: App): void {
  registerDetentionApiRoutes(app);
  registerRefugeeApiRoutes(app);
  registerDetentionPages(app);
  registerRefugeePages(app);
  registerDetentionJobs(app.deps.jobs, app.deps.database.db);
}
