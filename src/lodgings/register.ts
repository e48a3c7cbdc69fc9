import type { App } from '../platform/http/server.ts';
import { registerLodgingApi } from './api-routes.ts';

/** Lodgings' intake: registration and the office's verification, members, guests' check-in and check-out, receipts. */
export async function registerLodgings(app: App): Promise<void> {
  registerLodgingApi(app);
}
