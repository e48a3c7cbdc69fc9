import type { App } from '../platform/http/server.ts';
import { registerComplaintApi } from './api-routes.ts';
import { registerComplaintJobs } from './jobs.ts';
import { registerComplaintOfficerRoutes } from './officer-page-routes.tsx';
import { registerComplaintPages } from './public-page-routes.tsx';

/** Complaints: filing and following them, the officers' handling, the API and the escalation job. */
export async function registerComplaints(app: App): Promise<void> {
  registerComplaintApi(app);
  await registerComplaintPages(app);
  registerComplaintOfficerRoutes(app);
  registerComplaintJobs(app.deps.jobs, app.deps.database.db);
}
