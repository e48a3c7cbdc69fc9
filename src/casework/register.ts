import type { App } from '../platform/http/server.ts';
import { registerCaseworkRoutes } from './page-routes.tsx';

/** Work queues and the audited search. */
export function registerCasework(app: App): void {
  registerCaseworkRoutes(app);
}
