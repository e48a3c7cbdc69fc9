import type { App } from '../platform/http/server.ts';
import { registerQueueApi } from './api-routes.ts';
import { registerQueuePages } from './page-routes.tsx';

/** Arrival and queue: reception, counters, the call display, and the same through the API. */
export function registerQueue(app: App): void {
  registerQueuePages(app);
  registerQueueApi(app);
}
