// The route walk's entries for stay permit services: the applicant's pages and API, the office's queue and steps.
import { Entry, anyId } from './authz-entry.ts';

/** Who reads the applications of their unit; who verifies; who decides (never the verifier: four eyes). */
export const serviceViewers = [
  'counter_officer',
  'verifier',
  'adjudicator',
  'head_of_office',
  'oversight_officer',
] as const;
export const serviceVerifiers = ['verifier', 'head_of_office'] as const;
export const serviceDeciders = ['adjudicator', 'head_of_office'] as const;

const officerUrl = `/officer/stay-permit-services/${anyId}`;
const applicationUrl = `/stay-permits/applications/${anyId}`;

export const permitServiceRoutes: Record<string, Entry> = {
  'POST /api/v1/stay-permits': {
    access: 'signed-in',
    body: () => ({ service: 'itk_extension', permitId: anyId }),
    mutates: true,
  },
  'GET /stay-permits/apply': { access: 'signed-in' },
  'POST /stay-permits/apply': {
    access: 'signed-in',
    form: () => ({ service: 'itk_extension', permitId: anyId }),
    mutates: true,
  },
  'GET /stay-permits/applications': { access: 'signed-in' },
  'GET /stay-permits/applications/:id': { access: 'signed-in', url: () => applicationUrl },
  'POST /stay-permits/applications/:id/biometrics': {
    access: 'signed-in',
    url: () => `${applicationUrl}/biometrics`,
    form: () => ({ date: '2030-01-02' }),
    mutates: true,
  },
  'POST /stay-permits/applications/:id/withdraw': {
    access: 'signed-in',
    url: () => `${applicationUrl}/withdraw`,
    form: () => ({}),
    mutates: true,
  },
  'GET /officer/stay-permit-services': { access: serviceViewers },
  'GET /officer/stay-permit-services/:id': { access: serviceViewers, url: () => officerUrl },
  'POST /officer/stay-permit-services/:id/verify': {
    access: serviceVerifiers,
    url: () => `${officerUrl}/verify`,
    form: () => ({}),
    mutates: true,
  },
  'POST /officer/stay-permit-services/:id/decide': {
    access: serviceDeciders,
    url: () => `${officerUrl}/decide`,
    form: () => ({ decision: 'approve' }),
    mutates: true,
  },
};
