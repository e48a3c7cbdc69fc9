// The route walk's entries for Timpora. The walk's partner account sits in no team, so every record it asks for by
// id is unknown to it (404, not a refusal); partners of one team asking for another team's operation, masked
// identities and the partner's narrow follow-up right are in src/timpora/operations.test.ts and teams-meetings.test.ts.
import { Entry, anyId } from './authz-entry.ts';

/** Teams and meetings: the running unit's keepers (admins included) and partners of the team. */
const readers = ['admin', 'head_of_office', 'oversight_officer', 'partner'] as const;
const keepers = ['admin', 'head_of_office', 'oversight_officer'] as const;
/** Operations and findings: no admin (findings name people); partners read their teams' and follow up. */
const operationReaders = ['head_of_office', 'oversight_officer', 'partner'] as const;
const operators = ['head_of_office', 'oversight_officer'] as const;
const api = '/api/v1/oversight';

export const timporaRoutes: Record<string, Entry> = {
  'GET /api/v1/oversight/agencies': { access: readers },
  'POST /api/v1/oversight/agencies': {
    access: keepers,
    body: () => ({ code: 'AG-ROUTE-WALK', name: 'Instansi uji', kind: 'police' }),
    mutates: true,
  },
  'GET /api/v1/oversight/teams': { access: readers },
  'POST /api/v1/oversight/teams': {
    access: keepers,
    body: () => ({
      name: 'Timpora uji',
      level: 'regency',
      unitCode: 'KANIM-KUPANG',
      regionCode: '53.71',
      decreeNumber: 'SK-1',
      decreeDate: '2025-01-02',
      chairName: 'Kakanim',
      chairPosition: 'Kepala Kantor',
    }),
    mutates: true,
  },
  'POST /api/v1/oversight/teams/:id/agencies': {
    access: keepers,
    url: () => `${api}/teams/${anyId}/agencies`,
    body: () => ({ agencyId: anyId, contactName: 'Kontak', contactPhone: '0812 3456 7890' }),
  },
  'POST /api/v1/oversight/teams/:id/partners': {
    access: keepers,
    url: () => `${api}/teams/${anyId}/partners`,
    body: () => ({ email: 'nobody@test.sikoe.id', agencyId: anyId }),
  },
  'POST /api/v1/oversight/teams/:id/meetings': {
    access: keepers,
    url: () => `${api}/teams/${anyId}/meetings`,
    body: () => ({ heldOn: '2030-01-02', place: 'Kupang', agenda: 'Rapat', agenciesPresent: [] }),
  },
  'GET /api/v1/oversight/meetings/:id': { access: readers, url: () => `${api}/meetings/${anyId}` },
  'POST /api/v1/oversight/recommendations/:id/actions': {
    access: operationReaders,
    url: () => `${api}/recommendations/${anyId}/actions`,
    body: () => ({ step: 'note', note: 'Tindak lanjut', requestId: 'route-walk' }),
  },
  'GET /api/v1/oversight/operations': { access: operationReaders },
  'POST /api/v1/oversight/operations': {
    access: operators,
    body: () => ({ title: 'Operasi uji', teamIds: [anyId], startsOn: '2030-01-02', endsOn: '2030-01-02' }),
    mutates: true,
  },
  'GET /api/v1/oversight/operations/:id': { access: operationReaders, url: () => `${api}/operations/${anyId}` },
  'GET /api/v1/oversight/operations/:id/report': {
    access: operationReaders,
    url: () => `${api}/operations/${anyId}/report`,
  },
  'POST /api/v1/oversight/operations/:id/actions': {
    access: operators,
    url: () => `${api}/operations/${anyId}/actions`,
    body: () => ({ step: 'prepare', requestId: 'route-walk' }),
  },
  'POST /api/v1/oversight/operations/:id/findings': {
    access: operators,
    url: () => `${api}/operations/${anyId}/findings`,
    body: () => ({
      nationality: 'AUS',
      outcome: 'no_violation',
      villageCode: '53.71.01.1001',
      requestId: 'route-walk',
    }),
  },
  'GET /officer/timpora': { access: readers },
  'GET /officer/timpora/meetings/:id': { access: readers, url: () => `/officer/timpora/meetings/${anyId}` },
  'GET /officer/timpora/meetings/:id/minutes.pdf': {
    access: readers,
    url: () => `/officer/timpora/meetings/${anyId}/minutes.pdf`,
  },
  'POST /officer/timpora/meetings/:id/recommendations/:recId/actions': {
    access: operationReaders,
    url: () => `/officer/timpora/meetings/${anyId}/recommendations/${anyId}/actions`,
    form: () => ({ step: 'note', note: 'Tindak lanjut', requestId: 'route-walk' }),
  },
  'GET /officer/timpora/agencies/new': { access: keepers },
  'POST /officer/timpora/agencies': {
    access: keepers,
    form: () => ({ code: 'AG-ROUTE-WALK', name: 'Instansi uji', kind: 'police' }),
    mutates: true,
  },
  'GET /officer/timpora/teams/new': { access: keepers },
  'POST /officer/timpora/teams': {
    access: keepers,
    form: () => ({
      name: 'Timpora uji',
      level: 'regency',
      unitCode: 'KANIM-KUPANG',
      regionCode: '53.71',
      decreeNumber: 'SK-1',
      decreeDate: '2025-01-02',
      chairName: 'Kakanim',
      chairPosition: 'Kepala Kantor',
    }),
    mutates: true,
  },
  'GET /officer/timpora/teams/:id': { access: keepers, url: () => `/officer/timpora/teams/${anyId}` },
  'POST /officer/timpora/teams/:id/agencies': {
    access: keepers,
    url: () => `/officer/timpora/teams/${anyId}/agencies`,
    form: () => ({ agencyId: anyId, contactName: 'Kontak', contactPhone: '0812 3456 7890' }),
  },
  'POST /officer/timpora/teams/:id/partners': {
    access: keepers,
    url: () => `/officer/timpora/teams/${anyId}/partners`,
    form: () => ({ email: 'nobody@test.sikoe.id', partnerAgencyId: anyId }),
  },
  'GET /officer/timpora/teams/:id/meetings/new': {
    access: keepers,
    url: () => `/officer/timpora/teams/${anyId}/meetings/new`,
  },
  'POST /officer/timpora/teams/:id/meetings': {
    access: keepers,
    url: () => `/officer/timpora/teams/${anyId}/meetings`,
    form: () => ({ heldOn: '2030-01-02', place: 'Kupang', agenda: 'Rapat' }),
  },
  'GET /officer/timpora/operations/new': { access: operators },
  'POST /officer/timpora/operations': {
    access: operators,
    form: () => ({ title: 'Operasi uji', teamIds: anyId, startsOn: '2030-01-02', endsOn: '2030-01-02' }),
    mutates: true,
  },
  'GET /officer/timpora/operations/:id': {
    access: operationReaders,
    url: () => `/officer/timpora/operations/${anyId}`,
  },
  'POST /officer/timpora/operations/:id/actions': {
    access: operators,
    url: () => `/officer/timpora/operations/${anyId}/actions`,
    form: () => ({ step: 'prepare', requestId: 'route-walk' }),
  },
  'GET /officer/timpora/operations/:id/findings/new': {
    access: operators,
    url: () => `/officer/timpora/operations/${anyId}/findings/new`,
  },
  'POST /officer/timpora/operations/:id/findings': {
    access: operators,
    url: () => `/officer/timpora/operations/${anyId}/findings`,
    form: () => ({
      nationality: 'AUS',
      outcome: 'no_violation',
      villageCode: '53.71.01.1001',
      requestId: 'route-walk',
    }),
  },
};
