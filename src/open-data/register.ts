import type { App } from '../platform/http/server.ts';
import { registerOpenDataFiles } from './api-routes.ts';
import { registerOpenDataPages } from './page-routes.tsx';

/** Open data: the index, a page per dataset with its dictionary, CSV, JSON and the catalogue. */
export function registerOpenData(app: App): void {
  registerOpenDataFiles(app);
  registerOpenDataPages(app);
}
