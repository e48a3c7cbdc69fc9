import type { App } from '../platform/http/server.ts';
import { registerEnforcementApiRoutes } from './api-routes.ts';
import { registerEnforcementPages } from './page-routes.tsx';

/** "An administrative action case names this person", for the deletion of people no record names. */
export { hasEnforcementCases } from './has-enforcement-cases-sql.ts';

/** Administrative action (TAK): cases per foreigner, their steps, deportations and the embassy's letter. */
export async function registerEnforcement(app: App): Promise<void> {
  registerEnforcementApiRoutes(app);
  await registerEnforcementPages(app);
}
