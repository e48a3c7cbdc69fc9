// The route walk's entries for the oversight of lodging reports. The walk's partner account has no grant, so it is
// refused everywhere here; partners with live, expired, revoked and other units' grants are in
// src/lodgings/oversight.test.ts.
import { Entry, anyId } from './authz-entry.ts';

/** The office's oversight officers and its head read lodging reports; only the head grants partners access. */
export const lodgingOverseers = ['head_of_office', 'oversight_officer'] as const;
const base = '/officer/units/KANIM-KUPANG/lodgings';

export const lodgingOversightRoutes: Record<string, Entry> = {
  'GET /officer/units/:code/lodgings': { access: lodgingOverseers, url: () => base },
  'GET /officer/units/:code/lodgings/districts/:district': {
    access: lodgingOverseers,
    url: () => `${base}/districts/53.71.01`,
  },
  // An unknown person: readers get 404 (not a refusal), everyone else 403 before the lookup.
  'GET /officer/units/:code/lodgings/foreigners/:id': {
    access: lodgingOverseers,
    url: () => `${base}/foreigners/${anyId}`,
  },
  'GET /officer/units/:code/lodgings/people': {
    access: lodgingOverseers,
    url: () => `${base}/people?nationality=AUS&documentNumber=PA0000000`,
  },
  'GET /officer/units/:code/lodgings/silent': { access: lodgingOverseers, url: () => `${base}/silent?days=30` },
  'GET /officer/units/:code/lodgings/flags': { access: lodgingOverseers, url: () => `${base}/flags?days=30` },
  'GET /officer/units/:code/lodgings/partners': { access: ['head_of_office'], url: () => `${base}/partners` },
  'POST /officer/units/:code/lodgings/partners': {
    access: ['head_of_office'],
    url: () => `${base}/partners`,
    form: () => ({ email: 'nobody@test.sikoe.id', validUntil: '2030-01-02' }),
    mutates: true,
  },
  'POST /officer/units/:code/lodgings/partners/:grantId/revoke': {
    access: ['head_of_office'],
    url: () => `${base}/partners/${anyId}/revoke`,
    form: () => ({}),
    mutates: true,
  },
};
