import type { App } from '../platform/http/server.ts';
import { registerStatisticsRoutes } from './page-routes.tsx';

/** Passports issued: the public page, CSV and API. */
export function registerStatistics(app: App): void {
  registerStatisticsRoutes(app);
}
