// The route walk's entries for lodgings' intake: registration, verification, members, guests' reports and receipts.
import { Entry, anyId } from './authz-entry.ts';

/** The office's lodging verifiers: its oversight officers and its head. */
export const lodgingVerifiers = ['head_of_office', 'oversight_officer'] as const;

const lodging = `/lodgings/${anyId}`;
/** A member's page or form: a lodging nobody has is 404 to a citizen, another lodging's is refused by the policy. */
const page = (url: string): Entry => ({ access: 'signed-in', url: () => url });
const form = (url: string): Entry => ({ access: 'signed-in', url: () => url, form: () => ({}), mutates: true });

export const lodgingRoutes: Record<string, Entry> = {
  'POST /api/v1/lodgings': { access: 'signed-in', mutates: true },
  'POST /api/v1/lodgings/:id/guests': { access: 'signed-in', url: () => `/api/v1${lodging}/guests`, mutates: true },
  'POST /api/v1/lodgings/:id/guests/:stayId/check-out': {
    access: 'signed-in',
    url: () => `/api/v1${lodging}/guests/${anyId}/check-out`,
    mutates: true,
  },
};
export { page, form };
