import type { App } from '../platform/http/server.ts';
import { registerCaseApi } from './api-routes.ts';
import { registerDeferralReasonPages } from './deferral-reason-page-routes.tsx';
import { registerCasePages } from './page-routes.tsx';

/** The case workflow at the counter: the case page and the actions API; the deferral reasons' page. */
export async function registerCases(app: App): Promise<void> {
  registerCaseApi(app);
  await registerCasePages(app);
  registerDeferralReasonPages(app);
}

/** Per village, for Desa Binaan's office view (composed in `src/village-signals.ts`). */
export { countCasesByVillage, UNRECORDED_REASON } from './count-deferrals.ts';
export { listDeferralReasons } from './list-deferral-reasons.ts';
