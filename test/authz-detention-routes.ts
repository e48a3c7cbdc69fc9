// The route walk's entries for the Rudenim: detainees, occupancy and refugees. Partners are refused everywhere (the
// walk's partner is an officer with the `partner` role); a titipan detainee's scope and health data are proven in
// src/detention/detention.test.ts.
import { Entry, anyId } from './authz-entry.ts';

/** Immigration's own overseers; partners, counter staff and auditors never see detainees or refugees. */
const overseers = ['head_of_office', 'oversight_officer'] as const;
const placementBody = {
  authorityUnitCode: 'KANIM-KUPANG',
  reason: 'no_travel_document',
  place: 'Rudenim Kupang',
  decisionNumber: 'W.21-ROUTE-WALK',
  decisionDate: '2025-01-10',
  signedBy: 'Kepala Kantor',
  placedOn: '2025-01-10',
  handedByAgency: 'Polda NTT',
  handedByOfficer: 'Petugas',
  handedOn: '2025-01-10',
  block: 'single',
};
const document = {
  surname: 'WALK',
  givenNames: 'ROUTE',
  nationality: 'BGD',
  issuingState: 'BGD',
  documentNumber: 'BW0000001',
  birthDate: '1990-01-01',
  sex: 'M',
};
const refugeeBody = {
  unhcrStatus: 'refugee',
  unhcrNumber: 'UNHCR-WALK',
  shelter: 'Lavender',
  cardNumber: 'RUD-WALK',
  firstMonth: '2025-01',
};

export const detentionRoutes: Record<string, Entry> = {
  'POST /api/v1/detention/detainees': {
    access: overseers,
    body: () => ({ ...placementBody, document }),
    mutates: true,
  },
  'GET /api/v1/detention/detainees': { access: overseers },
  'GET /api/v1/detention/detainees/:id': { access: overseers, url: () => `/api/v1/detention/detainees/${anyId}` },
  'POST /api/v1/detention/detainees/:id/actions': {
    access: overseers,
    url: () => `/api/v1/detention/detainees/${anyId}/actions`,
    body: () => ({ step: 'move', block: 'family' }),
  },
  'GET /api/v1/detention/occupancy': { access: overseers, url: () => '/api/v1/detention/occupancy?unit=KANIM-KUPANG' },
  'POST /api/v1/refugees': { access: overseers, body: () => ({ ...refugeeBody, document }), mutates: true },
  'GET /api/v1/refugees': { access: overseers },
  'POST /api/v1/refugees/:id/reports': {
    access: overseers,
    url: () => `/api/v1/refugees/${anyId}/reports`,
    body: () => ({ month: '2025-01' }),
  },
  'POST /api/v1/refugees/:id/actions': {
    access: overseers,
    url: () => `/api/v1/refugees/${anyId}/actions`,
    body: () => ({ step: 'abscond', on: '2025-01-01' }),
  },
  'GET /officer/detention': { access: overseers },
  'GET /officer/detention/new': { access: overseers },
  'POST /officer/detention/new': { access: overseers, form: () => ({ ...placementBody, ...document }), mutates: true },
  'GET /officer/detention/detainees/:id': { access: overseers, url: () => `/officer/detention/detainees/${anyId}` },
  'POST /officer/detention/detainees/:id/actions': {
    access: overseers,
    url: () => `/officer/detention/detainees/${anyId}/actions`,
    form: () => ({ step: 'move', block: 'family' }),
  },
  'GET /officer/detention/occupancy': {
    access: overseers,
    url: () => '/officer/detention/occupancy?unit=KANIM-KUPANG',
  },
  'GET /officer/refugees': { access: overseers },
  'GET /officer/refugees/new': { access: overseers },
  'POST /officer/refugees/new': { access: overseers, form: () => ({ ...refugeeBody, ...document }), mutates: true },
  'GET /officer/refugees/:id': { access: overseers, url: () => `/officer/refugees/${anyId}` },
  'POST /officer/refugees/:id/reports': {
    access: overseers,
    url: () => `/officer/refugees/${anyId}/reports`,
    form: () => ({ month: '2025-01' }),
  },
  'POST /officer/refugees/:id/actions': {
    access: overseers,
    url: () => `/officer/refugees/${anyId}/actions`,
    form: () => ({ step: 'abscond', on: '2025-01-01' }),
  },
};
