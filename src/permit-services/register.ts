import type { App } from '../platform/http/server.ts';
import { registerPermitServiceApi } from './api-routes.ts';
import { registerPermitServiceApplicantPages } from './applicant-page-routes.tsx';
import { registerPermitServiceOfficerPages } from './officer-page-routes.tsx';

export { permitServicePaid } from './application-paid.ts';
/** "An application names this person", for the deletion of people no record names (src/foreigner-references.ts). */
export { hasApplications } from './has-applications-sql.ts';

/** Stay permit services: the application (page and API), the applicant's page, the office's queue and decisions. */
export function registerPermitServices(app: App): void {
  registerPermitServiceApi(app);
  registerPermitServiceApplicantPages(app);
  registerPermitServiceOfficerPages(app);
}
