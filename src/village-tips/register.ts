import type { App } from '../platform/http/server.ts';
import { registerTipApi } from './api-routes.ts';
import { registerTipJobs } from './jobs.ts';
import { registerTipOfficerPages } from './officer-page-routes.tsx';
import { registerTipPages } from './public-page-routes.tsx';
import { registerWarningPages } from './warning-page-routes.tsx';

/**
 * Desa Binaan's questions and tips (public form, PIMPASA entry, the officers' queue), the early warnings, and the
 * daily reminder of overdue tips.
 */
export function registerVillageTips(app: App): void {
  registerTipApi(app);
  registerTipPages(app);
  registerTipOfficerPages(app);
  registerWarningPages(app);
  registerTipJobs(app.deps.jobs, app.deps.database.db);
}

/** Per village, for Desa Binaan's office view (composed in `src/village-signals.ts`). */
export { countTipsByVillage } from './count-tips.ts';
