import type { App } from '../platform/http/server.ts';
import { registerCrossingPointApi } from './api-routes.ts';
import { registerCrossingPointPages } from './page-routes.tsx';

/** Crossing points: the public list (API), the officers' pages and the PLB acceptance switch. */
export function registerCrossingPoints(app: App): void {
  registerCrossingPointApi(app);
  registerCrossingPointPages(app);
}
