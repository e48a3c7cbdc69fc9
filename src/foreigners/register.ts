import type { App } from '../platform/http/server.ts';
import { registerForeignerApiRoutes } from './api-routes.ts';

/** The foreigners register: people, their travel documents and departures. */
export function registerForeigners(app: App): void {
  registerForeignerApiRoutes(app);
}
