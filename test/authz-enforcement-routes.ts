// The route walk's entries for administrative action (test/authz.test.ts).
import { Entry, anyId } from './authz-entry.ts';

/** The officers who oversee foreigners handle cases; the head of office decides. Partners never see a case. */
const handlers = ['head_of_office', 'oversight_officer'] as const;
const openForm = () => ({
  unitCode: 'KANIM-KUPANG',
  sourceKind: 'report',
  sourceRef: 'Surat 1/2030',
  foreignerId: anyId,
  grounds: 'Tanpa hak',
  requestId: 'route-walk',
});

export const enforcementRoutes: Record<string, Entry> = {
  'GET /officer/enforcement': { access: handlers },
  'POST /officer/enforcement/cases': { access: handlers, form: openForm, mutates: true },
  'GET /officer/enforcement/cases/:id': { access: handlers, url: () => `/officer/enforcement/cases/${anyId}` },
  'POST /officer/enforcement/cases/:id/actions': {
    access: ['head_of_office'],
    url: () => `/officer/enforcement/cases/${anyId}/actions`,
    form: () => ({ step: 'withdraw', reason: 'Tanpa hak', requestId: 'route-walk' }),
  },
  'GET /officer/enforcement/cases/:id/embassy-letter.pdf': {
    access: handlers,
    url: () => `/officer/enforcement/cases/${anyId}/embassy-letter.pdf`,
  },
  'GET /officer/enforcement/cases/:id/bap.pdf': {
    access: handlers,
    url: () => `/officer/enforcement/cases/${anyId}/bap.pdf`,
  },
  'POST /officer/enforcement/cases/:id/bap': {
    access: handlers,
    url: () => `/officer/enforcement/cases/${anyId}/bap`,
    form: () => ({}),
  },
  'GET /api/v1/enforcement/cases': { access: handlers },
  'POST /api/v1/enforcement/cases': { access: handlers, body: openForm, mutates: true },
  'GET /api/v1/enforcement/cases/:id': { access: handlers, url: () => `/api/v1/enforcement/cases/${anyId}` },
  'POST /api/v1/enforcement/cases/:id/actions': {
    access: ['head_of_office'],
    url: () => `/api/v1/enforcement/cases/${anyId}/actions`,
    body: () => ({ step: 'withdraw', reason: 'Tanpa hak', requestId: 'route-walk' }),
  },
};
