// The route walk's entries for stay permits and sponsors (src/stay-permits).
import { Entry, anyId } from './authz-entry.ts';
import { foreignerReaders } from './authz-foreigner-routes.ts';

/** Who verifies a sponsor's registration: those who answer for the office's oversight. */
const sponsorVerifiers = ['head_of_office', 'oversight_officer'] as const;
const unit = '/officer/units/KANIM-KUPANG';
const sponsorPermit = `/sponsors/${anyId}/permits/${anyId}`;

export const permitRoutes: Record<string, Entry> = {
  'GET /api/v1/stay-permits/:id': { access: foreignerReaders, url: () => `/api/v1/stay-permits/${anyId}` },
  'GET /officer/units/:code/stay-permits': { access: foreignerReaders, url: () => `${unit}/stay-permits` },
  'GET /officer/units/:code/stay-permits/new': { access: foreignerReaders, url: () => `${unit}/stay-permits/new` },
  'POST /officer/units/:code/stay-permits': {
    access: foreignerReaders,
    url: () => `${unit}/stay-permits`,
    mutates: true,
    form: () => ({
      surname: 'TANPA HAK',
      givenNames: '',
      nationality: 'AUS',
      issuingState: 'AUS',
      documentNumber: 'PX0000001',
      birthDate: '1980-01-01',
      sex: 'M',
      type: 'itk',
      entryBasis: 'visa_free',
      entryDate: '2030-01-01',
      validFrom: '2030-01-01',
      validUntil: '2030-01-30',
    }),
  },
  'GET /officer/stay-permits/:id': { access: foreignerReaders, url: () => `/officer/stay-permits/${anyId}` },
  'GET /officer/units/:code/sponsors': { access: sponsorVerifiers, url: () => `${unit}/sponsors` },
  'POST /officer/sponsors/:id/decision': {
    access: sponsorVerifiers,
    url: () => `/officer/sponsors/${anyId}/decision`,
    form: () => ({ decision: 'verified' }),
  },
  'POST /officer/change-reports/:id/acknowledge': {
    access: foreignerReaders,
    url: () => `/officer/change-reports/${anyId}/acknowledge`,
    form: () => ({}),
  },
  // Sponsors' own pages: any signed-in person; a sponsor answers only to its members (others are told it is not there).
  'GET /sponsors': { access: 'signed-in' },
  'GET /sponsors/register': { access: 'signed-in' },
  'POST /sponsors/register': {
    access: 'signed-in',
    mutates: true,
    form: () => ({
      kind: 'company',
      name: 'PT Tanpa Hak',
      registrationNumber: '9120000000001',
      address: 'Jl. Tanpa Hak 1',
      regencyCode: '53.71',
      phone: '0380123456',
      email: 'tanpa-hak@example.org',
      declaration: 'yes',
    }),
  },
  'GET /sponsors/:id': { access: 'signed-in', url: () => `/sponsors/${anyId}` },
  'POST /sponsors/:id/members': {
    access: 'signed-in',
    url: () => `/sponsors/${anyId}/members`,
    form: () => ({ email: 'someone@example.org' }),
  },
  'POST /sponsors/:id/members/:accountId/remove': {
    access: 'signed-in',
    url: () => `/sponsors/${anyId}/members/${anyId}/remove`,
    form: () => ({}),
  },
  'GET /sponsors/:id/permits/:permitId': { access: 'signed-in', url: () => sponsorPermit },
  'POST /sponsors/:id/permits/:permitId/changes': {
    access: 'signed-in',
    url: () => `${sponsorPermit}/changes`,
    form: () => ({ kind: 'address', details: 'Pindah' }),
  },
};
