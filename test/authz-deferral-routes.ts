// The route walk's entries for the interview's deferral reasons and the case JSON with Desa Binaan's attention note.
// Deferral codes, the note's contents and the tipster never shown are in src/cases/deferral-reasons.test.ts and
// attention.test.ts.
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

export const deferralRoutes: Record<string, Entry> = {
  'GET /api/v1/deferral-reasons': { access: staff },
  // The case with its attention note: whoever may open the case, as its history.
  'GET /api/v1/applications/:id/case': { access: desk, url: () => `/api/v1/applications/${anyId}/case` },
};
