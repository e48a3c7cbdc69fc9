import type { App } from '../platform/http/server.ts';
import { registerOutreachApi } from './api-routes.ts';
import { registerJoinSessionPages } from './join-page-routes.tsx';
import { registerOutreachOfficerPages } from './officer-page-routes.tsx';
import { registerOutreachPublicPages } from './public-page-routes.tsx';

/** Eazy Paspor: the public request and schedule, the office's decision and report, joining with the session code. */
export async function registerOutreach(app: App): Promise<void> {
  registerOutreachApi(app);
  await registerOutreachPublicPages(app);
  registerOutreachOfficerPages(app);
  registerJoinSessionPages(app);
}
