import type { App } from '../platform/http/server.ts';
import { registerLodgingApi } from './api-routes.ts';
import { registerGuestPages } from './guest-page-routes.tsx';
import { registerLodgingOfficerPages } from './officer-page-routes.tsx';
import { registerLodgingPages } from './page-routes.tsx';
import { registerLodgingPublicPages } from './public-page-routes.tsx';

/** Lodgings' intake: registration and the office's verification, members, guests' check-in and check-out, receipts. */
export async function registerLodgings(app: App): Promise<void> {
  registerLodgingApi(app);
  registerLodgingPages(app);
  await registerGuestPages(app);
  registerLodgingOfficerPages(app);
  registerLodgingPublicPages(app);
}
