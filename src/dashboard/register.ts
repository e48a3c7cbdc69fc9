import type { App } from '../platform/http/server.ts';
import { registerDashboardApiRoutes } from './api-routes.ts';
import { registerDashboardPages } from './page-routes.tsx';

/** The regional command view: figures per unit and for the region, against the same period a year before. */
export function registerDashboard(app: App): void {
  registerDashboardApiRoutes(app);
  registerDashboardPages(app);
}
