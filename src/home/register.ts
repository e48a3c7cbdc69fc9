import type { App } from '../platform/http/server.ts';
import { registerHomeRoutes } from './page-routes.tsx';

/** The home page and the language switch. */
export function registerHome(app: App): void {
  registerHomeRoutes(app);
}
