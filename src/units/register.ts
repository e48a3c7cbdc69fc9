import type { App } from '../platform/http/server.ts';
import { registerUnitApi } from './api-routes.ts';
import { registerUnitPages } from './page-routes.tsx';

/** The organisation: unit pages, admin editing and the API. */
export function registerUnits(app: App): void {
  registerUnitApi(app);
  registerUnitPages(app);
}
