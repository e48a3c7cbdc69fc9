// The route walk's entries for overstays (test/authz.test.ts).
import { Entry, anyId } from './authz-entry.ts';

/** Officers who oversee foreigners or take their payments see their unit's overstays. */
const overstayReaders = ['head_of_office', 'oversight_officer', 'counter_officer'] as const;

export const overstayRoutes: Record<string, Entry> = {
  'GET /transparansi/orang-asing.csv': { access: 'public', url: () => '/transparansi/orang-asing.csv?year=2025' },
  'GET /officer/overstays': { access: overstayReaders },
  'GET /api/v1/overstays': { access: overstayReaders },
  'POST /officer/overstays/proposals/:id/acknowledge': {
    access: ['head_of_office'],
    url: () => `/officer/overstays/proposals/${anyId}/acknowledge`,
    form: () => ({ requestId: 'route-walk' }),
  },
};
