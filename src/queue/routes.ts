import type { FastifyInstance } from 'fastify';
import { registerQueueApi } from './api-routes.ts';
import { registerQueuePages } from './page-routes.tsx';

/** Arrival and queue: reception, counters, the call display, and the same through the API. */
export function registerQueueRoutes(app: FastifyInstance): void {
  registerQueuePages(app);
  registerQueueApi(app);
}
