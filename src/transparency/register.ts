import type { App } from '../platform/http/server.ts';
import { registerTransparencyJobs } from './jobs.ts';
import { registerTransparencyRoutes } from './page-routes.tsx';
import { scheduleReportRefresh } from './published-report.ts';

/** The public transparency page and its CSV, and the refresh of the published report. */
export function registerTransparency(app: App): void {
  const maxAge = app.deps.config.figuresMaxAgeSeconds;
  const { db, readDb } = app.deps.database;
  registerTransparencyJobs(app.deps.jobs, { read: readDb, write: db }, maxAge);
  // Starts the refresh chain on a new installation, and restarts one a crash left without a next run.
  app.addHook('onReady', () => scheduleReportRefresh(db, maxAge));
  registerTransparencyRoutes(app);
}
