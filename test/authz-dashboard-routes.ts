// The route walk's entries for the dashboard (test/authz.test.ts). A short period keeps the walk quick.
import { Entry } from './authz-entry.ts';

/** Those who lead or check a unit: its head, its administrator and its auditor. */
const viewers = ['head_of_office', 'admin', 'auditor'] as const;

export const dashboardRoutes: Record<string, Entry> = {
  'GET /officer/dashboard': { access: viewers, url: () => '/officer/dashboard?from=2030-01-01&to=2030-01-31' },
  'GET /api/v1/dashboard': { access: viewers, url: () => '/api/v1/dashboard?from=2030-01-01&to=2030-01-31' },
};
