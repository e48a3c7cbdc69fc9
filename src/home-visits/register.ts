import type { App } from '../platform/http/server.ts';
import { registerHomeVisitApi } from './api-routes.ts';
import { registerHomeVisitPages } from './citizen-page-routes.tsx';
import { registerHomeVisitOfficerRoutes } from './officer-page-routes.tsx';

/** si Koe Peduli: the request and its status page, the office's triage and visits, the API. */
export async function registerHomeVisits(app: App): Promise<void> {
  registerHomeVisitApi(app);
  await registerHomeVisitPages(app);
  registerHomeVisitOfficerRoutes(app);
}
