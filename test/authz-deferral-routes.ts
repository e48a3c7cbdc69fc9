// The route walk's entries for the interview's deferral reasons and the case JSON with Desa Binaan's attention note.
// Deferral codes, the note's contents and the tipster never shown are in src/cases/deferral-reasons.test.ts and
// attention.test.ts; who reads the warnings in attention-warnings.test.ts. Keeping the reasons is for admins of the
// regional office; the walk's admin sits in KANIM-KUPANG, so the writes are marked `mutates` and the regional admin's
// edits are in deferral-reason-editing.test.ts.
import { Entry, anyId, desk } from './authz-entry.ts';

/** Reference data without personal data: every officer role of the office; partner agencies' accounts are no staff. */
const staff = [
  'admin',
  'head_of_office',
  'counter_officer',
  'verifier',
  'adjudicator',
  'oversight_officer',
  'auditor',
] as const;
const keepers = ['admin'] as const;
const reasonForm = () => ({ code: 'route_walk', nameId: 'Uji', nameEn: 'Test', sort: '99' });

export const deferralRoutes: Record<string, Entry> = {
  'GET /api/v1/deferral-reasons': { access: staff },
  // The case with its attention note: whoever may open the case, as its history.
  'GET /api/v1/applications/:id/case': { access: desk, url: () => `/api/v1/applications/${anyId}/case` },
  'POST /api/v1/deferral-reasons': {
    access: keepers,
    body: () => ({ code: 'route_walk', nameId: 'Uji', nameEn: 'Test' }),
    mutates: true,
  },
  'PATCH /api/v1/deferral-reasons/:code': {
    access: keepers,
    url: () => '/api/v1/deferral-reasons/other',
    mutates: true,
  },
  'GET /officer/deferral-reasons': { access: staff },
  'GET /officer/deferral-reasons/:code': { access: staff, url: () => '/officer/deferral-reasons/other' },
  'POST /officer/deferral-reasons': { access: keepers, form: reasonForm, mutates: true },
  'POST /officer/deferral-reasons/:code': {
    access: keepers,
    url: () => '/officer/deferral-reasons/other',
    form: reasonForm,
    mutates: true,
  },
};
