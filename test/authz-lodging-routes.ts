// The route walk's entries for lodgings' intake: registration, verification, members, guests' reports, receipts and
// biodata photos.
import { Entry, anyId } from './authz-entry.ts';

/** The office's lodging verifiers: its oversight officers and its head. */
export const lodgingVerifiers = ['head_of_office', 'oversight_officer'] as const;

const lodging = `/lodgings/${anyId}`;
const lodgingBody = {
  name: 'Homestay Tanpa Hak',
  kind: 'homestay',
  licenceNumber: 'NIB-0',
  address: 'Jl. El Tari 1',
  villageCode: '53.71.01.1001',
  personInCharge: 'Maria Bria',
  phone: '081234567890',
  email: 'tanpa-hak@example.org',
};
const guest = {
  clientId: 'route-walk',
  surname: 'SMITH',
  nationality: 'AUS',
  issuingState: 'AUS',
  documentNumber: 'PA0000000',
  birthDate: '1980-01-01',
  sex: 'M',
  checkInAt: '2026-01-01T10:00+08:00',
  expectedCheckOutOn: '2026-01-03',
  purpose: 'tourism',
};
/** A member's page or form: a lodging nobody has is 404 to a citizen, another lodging's is refused by the policy. */
const page = (url: string): Entry => ({ access: 'signed-in', url: () => url });
const form = (url: string): Entry => ({ access: 'signed-in', url: () => url, form: () => ({}), mutates: true });

export const lodgingRoutes: Record<string, Entry> = {
  'POST /api/v1/lodgings': { access: 'signed-in', body: () => lodgingBody, mutates: true },
  'POST /api/v1/lodgings/:id/guests': {
    access: 'signed-in',
    url: () => `/api/v1${lodging}/guests`,
    body: () => ({ guests: [guest] }),
    mutates: true,
  },
  'POST /api/v1/lodgings/:id/guests/:stayId/check-out': {
    access: 'signed-in',
    url: () => `/api/v1${lodging}/guests/${anyId}/check-out`,
    mutates: true,
  },
  'GET /lodgings': page('/lodgings'),
  'GET /lodgings/register': page('/lodgings/register'),
  'POST /lodgings/register': form('/lodgings/register'),
  'GET /lodgings/:id': page(lodging),
  'POST /lodgings/:id/members': form(`${lodging}/members`),
  'POST /lodgings/:id/members/:accountId/remove': form(`${lodging}/members/${anyId}/remove`),
  'GET /lodgings/:id/check-in': page(`${lodging}/check-in`),
  'POST /lodgings/:id/check-in': form(`${lodging}/check-in`),
  'GET /lodgings/:id/guests': page(`${lodging}/guests`),
  'POST /lodgings/:id/guests/:stayId/check-out': form(`${lodging}/guests/${anyId}/check-out`),
  'GET /lodgings/:id/guests/:stayId/receipt': page(`${lodging}/guests/${anyId}/receipt`),
  'GET /lodgings/:id/guests/:stayId/receipt.pdf': page(`${lodging}/guests/${anyId}/receipt.pdf`),
  'GET /lodgings/:id/guests/:stayId/photo': page(`${lodging}/guests/${anyId}/photo`),
  'GET /lodgings/:id/upload': page(`${lodging}/upload`),
  'POST /lodgings/:id/upload': form(`${lodging}/upload`),
  'GET /lodgings/guests-template.csv': { access: 'public' },
  'GET /lapor-orang-asing/tanda-terima/:receiptNumber': {
    access: 'public',
    url: () => '/lapor-orang-asing/tanda-terima/STT-KUPANG-20261203-AAAAAAAAAA',
  },
  'GET /officer/lodgings/verification': { access: lodgingVerifiers },
  // A stay's biodata photo for the overseers of its area, never partners (those with a grant are refused in
  // src/lodgings/document-photo.test.ts); the other oversight routes are in authz-lodging-oversight-routes.ts.
  'GET /officer/units/:code/lodgings/stays/:stayId/photo': {
    access: lodgingVerifiers,
    url: () => `/officer/units/KANIM-KUPANG/lodgings/stays/${anyId}/photo`,
  },
  'GET /officer/lodgings/verification/:id': {
    access: lodgingVerifiers,
    url: () => `/officer/lodgings/verification/${anyId}`,
  },
  'POST /officer/lodgings/verification/:id/actions': {
    access: lodgingVerifiers,
    url: () => `/officer/lodgings/verification/${anyId}/actions`,
    form: () => ({ step: 'verify' }),
    mutates: true,
  },
};
