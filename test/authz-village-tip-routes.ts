// The route walk's entries for Desa Binaan's tips and early warnings. The sender's identity per role, through every
// page and API, is proven in src/village-tips/tip-identity.test.ts; here each route's access class.
import { Entry, anyId } from './authz-entry.ts';

/** The office's intelligence (oversight) officers handle tips and warnings; the head of office reads them. */
const readers = ['head_of_office', 'oversight_officer'] as const;
const handlers = ['oversight_officer'] as const;
const tips = '/officer/desa-binaan/tips';
const warnings = '/officer/desa-binaan/warnings';
const tipBody = { kind: 'question', description: 'Syarat paspor untuk umrah?', anonymous: true };
const warningBody = { kind: 'recruiter', recruiterName: 'Calo Uji Rute', areaCode: '53.71', summary: 'Uji.' };

export const villageTipRoutes: Record<string, Entry> = {
  // Anyone asks or reports, and follows it with code and secret.
  'POST /api/v1/village-tips': { access: 'public', body: () => tipBody, mutates: true },
  'POST /api/v1/village-tips/follow': {
    access: 'public',
    body: () => ({ trackingCode: 'DB0000000000', secret: '0000-0000-0000-0000' }),
  },
  'GET /desa-binaan/lapor': { access: 'public' },
  'POST /desa-binaan/lapor': {
    access: 'public',
    form: () => ({ kind: 'question', description: 'Syarat paspor?', anonymous: '1' }),
    mutates: true,
  },
  'GET /desa-binaan/lapor/lacak': { access: 'public' },
  'POST /desa-binaan/lapor/lacak': { access: 'public', form: () => ({ trackingCode: 'DB0000000000', secret: 'x' }) },
  'GET /api/v1/village-tips': { access: readers },
  'GET /api/v1/village-tips/:id': { access: readers, url: () => `/api/v1/village-tips/${anyId}` },
  'POST /api/v1/village-tips/:id/actions': {
    access: handlers,
    url: () => `/api/v1/village-tips/${anyId}/actions`,
    body: () => ({ step: 'note', text: 'Catatan', requestId: 'route-walk' }),
  },
  'POST /api/v1/village-tips/:id/reporter': {
    access: handlers,
    url: () => `/api/v1/village-tips/${anyId}/reporter`,
    body: () => ({ reason: 'Uji rute' }),
  },
  'GET /api/v1/village-warnings': { access: readers },
  'POST /api/v1/village-warnings': { access: handlers, body: () => warningBody, mutates: true },
  'POST /api/v1/village-warnings/:id/actions': {
    access: handlers,
    url: () => `/api/v1/village-warnings/${anyId}/actions`,
    body: () => ({ step: 'close', requestId: 'route-walk' }),
  },
  'GET /officer/desa-binaan/tips': { access: readers },
  'GET /officer/desa-binaan/tips/:id': { access: readers, url: () => `${tips}/${anyId}` },
  'POST /officer/desa-binaan/tips/:id/actions': {
    access: handlers,
    url: () => `${tips}/${anyId}/actions`,
    form: () => ({ step: 'note', text: 'Catatan', requestId: 'route-walk' }),
  },
  'POST /officer/desa-binaan/tips/:id/reporter': {
    access: handlers,
    url: () => `${tips}/${anyId}/reporter`,
    form: () => ({ reason: 'Uji rute' }),
  },
  'GET /officer/desa-binaan/warnings': { access: readers },
  'POST /officer/desa-binaan/warnings': { access: handlers, form: () => warningBody, mutates: true },
  'GET /officer/desa-binaan/warnings/:id': { access: readers, url: () => `${warnings}/${anyId}` },
  'POST /officer/desa-binaan/warnings/:id/actions': {
    access: handlers,
    url: () => `${warnings}/${anyId}/actions`,
    form: () => ({ step: 'note', text: 'Catatan', requestId: 'route-walk' }),
  },
};
