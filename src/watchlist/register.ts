import type { App } from '../platform/http/server.ts';
import { registerWatchlistApiRoutes } from './api-routes.ts';
import { registerWatchlistPageRoutes } from './page-routes.tsx';

export { hasBanEntries } from './has-ban-entries-sql.ts';

/** The ban lists' pages and API (the prevention list and the entry-ban list). */
export function registerWatchlist(app: App): void {
  registerWatchlistPageRoutes(app);
  registerWatchlistApiRoutes(app);
}
