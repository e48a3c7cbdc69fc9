import type { App } from '../platform/http/server.ts';
import { registerDetentionApiRoutes } from './api-routes.ts';
import { registerRefugeeApiRoutes } from './refugee-api-routes.ts';
import { registerDetentionJobs } from './jobs.ts';
import { registerDetentionPages } from './page-routes.tsx';
import { registerRefugeePages } from './refugee-page-routes.tsx';

// What other features are handed: enforcement ends a detention when it deports (wired by app.ts at merge), and the
// transparency page counts without personal data.
export { endDetentionOnDeportation } from './end-detention.ts';
export { countDetentionByMonth, countOccupancy, countRefugees } from './count-detention.ts';
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
