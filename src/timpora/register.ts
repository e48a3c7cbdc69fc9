import type { App } from '../platform/http/server.ts';
import { registerTimporaApiRoutes } from './api-routes.ts';
import { registerTimporaPages } from './page-routes.tsx';

/** "A Timpora team checked this person", for the deletion of people no record names (src/foreigner-references.ts). */
export { hasFindings } from './has-findings-sql.ts';

/** Timpora: teams of immigration and partner agencies, their meetings, joint operations and findings. */
export async function registerTimpora(app: App): Promise<void> {
  registerTimporaApiRoutes(app);
  await registerTimporaPages(app);
}
