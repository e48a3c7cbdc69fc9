import type { App } from '../platform/http/server.ts';
import { registerPerformanceApiRoutes } from './api-routes.ts';
import { registerPerformancePages } from './page-routes.tsx';

/** Performance: the indicator catalogue, yearly targets per unit, and the Kanwil's frozen semester evaluations. */
export async function registerPerformance(app: App): Promise<void> {
  registerPerformanceApiRoutes(app);
  await registerPerformancePages(app);
}
