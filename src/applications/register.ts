import type { App } from '../platform/http/server.ts';
import { registerApplicationApi } from './api-routes.ts';
import { registerApplicationPages } from './page-routes.tsx';

/** Passport applications: the wizard, documents, the list and the API. */
export async function registerApplications(app: App): Promise<void> {
  registerApplicationApi(app);
  await registerApplicationPages(app);
}
