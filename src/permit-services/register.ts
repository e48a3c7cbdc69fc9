import type { App } from '../platform/http/server.ts';
import { registerPermitServiceApi } from './api-routes.ts';
import { registerPermitServiceApplicantPages } from './applicant-page-routes.tsx';
import { registerPermitServiceOfficerPages } from './officer-page-routes.tsx';

export { permitServicePaid } from './application-paid.ts';

/** Stay permit services: the application (page and API), the applicant's page, the office's queue and decisions. */
export function registerPermitServices(app: App): void {
  registerPermitServiceApi(app);
  registerPermitServiceApplicantPages(app);
  registerPermitServiceOfficerPages(app);
}
