// The route walk's entries for the crossing desk: the desk and its verdicts, the secondary inspection, the overdue
// PLB holders, and the public daily counts. The walk's officers are at Kupang, which works the TPI El Tari.
import { Entry, anyId } from './authz-entry.ts';

/** Who works the desk; the supervisors (who decide a held crossing) are the head of office and oversight officers. */
export const crossingDesk = ['counter_officer', 'oversight_officer', 'head_of_office'] as const;
export const crossingSupervisors = ['oversight_officer', 'head_of_office'] as const;

const desk = '/officer/crossing-points/EL-TARI/desk';
/** A valid desk form: a passport typed field by field (a refused officer never gets it recorded). */
const crossingForm = {
  direction: 'arrival',
  documentNumber: 'WALK1234',
  nationality: 'AUS',
  fullName: 'Walk Route',
  birthDate: '1970-01-01',
  expiresOn: '2035-01-01',
};
const decision = { step: 'refuse', reason: 'Tanpa hak' };

export const borderRoutes: Record<string, Entry> = {
  'GET /officer/crossing-points/:code/desk': { access: crossingDesk, url: () => desk },
  'POST /officer/crossing-points/:code/desk': {
    access: crossingDesk,
    url: () => desk,
    form: () => crossingForm,
    mutates: true,
  },
  'GET /officer/crossing-points/:code/desk/crossings/:id': {
    access: crossingDesk,
    url: () => `${desk}/crossings/${anyId}`,
  },
  'POST /officer/crossing-points/:code/desk/crossings/:id/decision': {
    access: crossingSupervisors,
    url: () => `${desk}/crossings/${anyId}/decision`,
    form: () => decision,
    mutates: true,
  },
  'GET /officer/crossing-points/:code/overdue': {
    access: crossingDesk,
    url: () => '/officer/crossing-points/EL-TARI/overdue',
  },
  'POST /api/v1/crossing-points/:code/crossings': {
    access: crossingDesk,
    url: () => '/api/v1/crossing-points/EL-TARI/crossings',
    body: () => crossingForm,
    mutates: true,
  },
  'POST /api/v1/crossings/:id/decision': {
    access: crossingSupervisors,
    url: () => `/api/v1/crossings/${anyId}/decision`,
    body: () => decision,
    mutates: true,
  },
  'GET /api/v1/stats/crossings': {
    access: 'public',
    url: () => '/api/v1/stats/crossings?from=2026-01-01&to=2026-01-31',
  },
  'GET /transparansi/lintas-batas.csv': { access: 'public' },
};
