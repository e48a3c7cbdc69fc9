import type { App } from '../platform/http/server.ts';
import { registerDashboardApiRoutes } from './api-routes.ts';
import { registerDashboardJobs, scheduleCountsRefresh } from './jobs.ts';
import { registerDashboardPages } from './page-routes.tsx';

/** The regional command view: figures per unit and for the region, against the same period a year before. */
export function registerDashboard(app: App): void {
  const maxAge = app.deps.config.figuresMaxAgeSeconds;
  registerDashboardJobs(app.deps.jobs, app.deps.database.db, maxAge);
  // Starts the refresh chain on a new installation, and restarts one a crash left without a next run.
  app.addHook('onReady', () => scheduleCountsRefresh(app.deps.database.db, maxAge));
  registerDashboardApiRoutes(app);
  registerDashboardPages(app);
}
