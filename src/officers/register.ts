import type { App } from '../platform/http/server.ts';
import { registerOfficerRoutes } from './page-routes.tsx';
import { registerSetupRoutes } from './setup-page-routes.tsx';

/** The officer home, officer accounts and the first admin's setup link. */
export function registerOfficers(app: App): void {
  registerOfficerRoutes(app);
  registerSetupRoutes(app);
}
