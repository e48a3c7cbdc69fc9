// The route walk's entries for Desa Binaan. The walk's officers are of KANIM-KUPANG and Batutua (53.14.01.2010) is
// one of its seeded villages; none of them is its PIMPASA, so a counter officer is refused there as any staff member
// who is not the village's officer. A PIMPASA's own rights are in src/adopted-villages/activities.test.ts.
import { Entry, anyId } from './authz-entry.ts';

const village = '53.14.01.2010';
const page = `/officer/desa-binaan/${village}`;
/** The register: the head of office and admins of the office's scope. */
const keepers = ['admin', 'head_of_office'] as const;
/** The office's view of a village (and its PIMPASA, not in the walk). */
const viewers = ['admin', 'head_of_office', 'oversight_officer'] as const;
/** Activities: the head and oversight officers (and the village's PIMPASA, not in the walk). */
const actors = ['head_of_office', 'oversight_officer'] as const;
/** Every staff member may be a PIMPASA: partners and auditors never. */
const staff = ['admin', 'head_of_office', 'counter_officer', 'verifier', 'adjudicator', 'oversight_officer'] as const;
const registerForm = () => ({ reasons: 'border_village', reasonNote: '', adoptedOn: '2025-07-24', decreeNumber: '' });
const activity = { kind: 'outreach', heldOn: '2030-01-02', topics: 'TPPO' };

export const adoptedVillageRoutes: Record<string, Entry> = {
  'GET /desa-binaan': { access: 'public' },
  'GET /desa-binaan/:regencyCode': { access: 'public', url: () => '/desa-binaan/53.14' },
  'GET /api/v1/adopted-villages': { access: 'public' },
  'POST /api/v1/adopted-villages': {
    access: keepers,
    body: () => ({
      villageCode: '53.71.03.1001',
      unitCode: 'KANIM-KUPANG',
      reasons: ['other'],
      adoptedOn: '2030-01-02',
    }),
    mutates: true,
  },
  'POST /api/v1/adopted-villages/:code/activities': {
    access: actors,
    url: () => `/api/v1/adopted-villages/${village}/activities`,
    body: () => ({ ...activity, topics: ['TPPO'] }),
    mutates: true,
  },
  'POST /api/v1/adopted-villages/:code/activities/:id/actions': {
    access: actors,
    url: () => `/api/v1/adopted-villages/${village}/activities/${anyId}/actions`,
    body: () => ({ step: 'cancel' }),
  },
  'GET /officer/desa-binaan': { access: staff },
  'POST /officer/desa-binaan': {
    access: keepers,
    form: () => ({ villageCode: '53.71.03.1002', unitCode: 'KANIM-KUPANG', ...registerForm() }),
    mutates: true,
  },
  'GET /officer/desa-binaan/:code': { access: viewers, url: () => page },
  'POST /officer/desa-binaan/:code/edit': {
    access: keepers,
    url: () => `${page}/edit`,
    form: registerForm,
    mutates: true,
  },
  'POST /officer/desa-binaan/:code/end': {
    access: keepers,
    url: () => `${page}/end`,
    form: () => ({ endedOn: '2030-01-02' }),
    mutates: true,
  },
  'POST /officer/desa-binaan/:code/officers': {
    access: keepers,
    url: () => `${page}/officers`,
    form: () => ({ officerId: anyId, phone: '0812 3456 7890', since: '2030-01-02' }),
  },
  'POST /officer/desa-binaan/:code/officers/:officerId/unassign': {
    access: keepers,
    url: () => `${page}/officers/${anyId}/unassign`,
  },
  'POST /officer/desa-binaan/:code/activities': {
    access: actors,
    url: () => `${page}/activities`,
    form: () => activity,
    mutates: true,
  },
  'POST /officer/desa-binaan/:code/activities/:id/actions': {
    access: actors,
    url: () => `${page}/activities/${anyId}/actions`,
    form: () => ({ step: 'cancel' }),
  },
  'GET /officer/desa-binaan/activities/:id': { access: staff, url: () => `/officer/desa-binaan/activities/${anyId}` },
};
