import type { App } from '../platform/http/server.ts';
import { registerBorderPassApi } from './api-routes.ts';
import { registerBorderPassIssuePages } from './issue-page-routes.tsx';
import { registerBorderPassOfficerPages } from './officer-page-routes.tsx';
import { registerBorderPassPublicPages } from './public-page-routes.tsx';

/** Pas Lintas Batas: issuing (at the office or on outreach), renewal, loss, revocation, the card and its public check. */
export async function registerBorderPasses(app: App): Promise<void> {
  registerBorderPassApi(app);
  await registerBorderPassIssuePages(app);
  registerBorderPassOfficerPages(app);
  registerBorderPassPublicPages(app);
}
