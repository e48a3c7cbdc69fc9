import type { App } from '../platform/http/server.ts';
import { registerBorderApi } from './api-routes.ts';
import { registerDeskPages } from './desk-page-routes.tsx';

/** The crossing desk: crossings and their verdicts, the secondary inspection, overdue PLB holders, daily counts. */
export function registerBorder(app: App): void {
  registerBorderApi(app);
  registerDeskPages(app);
}

/** "A crossing names this person", for the deletion of people no record names (listed in src/foreigner-references.ts). */
export { hasCrossings } from './has-crossings-sql.ts';
