import type { FastifyInstance } from 'fastify';
import { registerSurveyOfficerRoutes } from './officer-routes.tsx';
import { registerSurveyPublicRoutes } from './public-routes.tsx';

/** The satisfaction survey (PermenPANRB 14/2017): answering by link, paper entry, IKM and its reports. */
export function registerSurveyRoutes(app: FastifyInstance): void {
  registerSurveyPublicRoutes(app);
  registerSurveyOfficerRoutes(app);
}
