import type { App } from '../platform/http/server.ts';
import { registerCaseApi } from './api-routes.ts';
import { registerCasePages } from './page-routes.tsx';

/** The case workflow at the counter: the case page and the actions API. */
export async function registerCases(app: App): Promise<void> {
  registerCaseApi(app);
  await registerCasePages(app);
}
