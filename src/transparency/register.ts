import type { App } from '../platform/http/server.ts';
import { registerTransparencyRoutes } from './page-routes.tsx';

/** The public transparency page and its CSV. */
export function registerTransparency(app: App): void {
  registerTransparencyRoutes(app);
}
