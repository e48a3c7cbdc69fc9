import type { App } from '../platform/http/server.ts';
import { registerSurveyOfficerRoutes } from './officer-page-routes.tsx';
import { registerSurveyPublicRoutes } from './public-page-routes.tsx';

/** The satisfaction survey (PermenPANRB 14/2017): answering by link, paper entry, IKM and its reports. */
export function registerSurveys(app: App): void {
  registerSurveyPublicRoutes(app);
  registerSurveyOfficerRoutes(app);
}
