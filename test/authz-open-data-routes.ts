// The route walk's entries for the open data: all public, counts only.
import type { Entry } from './authz-entry.ts';

export const openDataRoutes: Record<string, Entry> = {
  'GET /data': { access: 'public' },
  'GET /data/catalog.json': { access: 'public' },
  'GET /data/:id': { access: 'public', url: () => '/data/paspor-terbit' },
  'GET /data/:id.csv': { access: 'public', url: () => '/data/paspor-terbit.csv' },
  'GET /data/:id.json': { access: 'public', url: () => '/data/paspor-terbit.json' },
};
