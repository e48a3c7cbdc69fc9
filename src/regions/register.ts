import type { App } from '../platform/http/server.ts';
import { registerRegionApi } from './api-routes.ts';
import { registerRegionPages } from './page-routes.tsx';

/** Region reference data and the picker's fragment. */
export function registerRegions(app: App): void {
  registerRegionApi(app);
  registerRegionPages(app);
}
