import type { App } from '../platform/http/server.ts';
import { registerWatchlistRoutes } from './page-routes.tsx';

/** The prevention list's pages. */
export function registerWatchlist(app: App): void {
  registerWatchlistRoutes(app);
}
