// The route walk's entries for foreigners: the register, stay permits, lodging reports and overstay.
import { Entry, anyId } from './authz-entry.ts';

/** Officers who serve or oversee foreigners and read their records. */
export const foreignerReaders = [
  'head_of_office',
  'oversight_officer',
  'verifier',
  'adjudicator',
  'counter_officer',
] as const;

export const foreignerRoutes: Record<string, Entry> = {
  'GET /api/v1/foreigners/:id': { access: foreignerReaders, url: () => `/api/v1/foreigners/${anyId}` },
};
