// The route walk's entries for foreigners: the register, stay permits, lodging reports and overstay.
import { Entry, anyId } from './authz-entry.ts';

/** Officers who serve or oversee foreigners and read their records. */
export const foreignerReaders = [
  'head_of_office',
  'oversight_officer',
  'verifier',
  'adjudicator',
  'counter_officer',
] as const;

/** Officers who record what they see of a person (a departure, a renewed passport): at the counter or overseeing. */
export const departureRecorders = ['head_of_office', 'oversight_officer', 'counter_officer'] as const;

export const foreignerRoutes: Record<string, Entry> = {
  'GET /api/v1/foreigners/:id': { access: foreignerReaders, url: () => `/api/v1/foreigners/${anyId}` },
  'POST /api/v1/foreigners/:id/departures': {
    access: departureRecorders,
    url: () => `/api/v1/foreigners/${anyId}/departures`,
    body: () => ({ departedOn: '2020-01-02', place: 'Bandara El Tari' }),
  },
  'POST /api/v1/foreigners/:id/documents': {
    access: departureRecorders,
    url: () => `/api/v1/foreigners/${anyId}/documents`,
    body: () => ({
      surname: 'WALK',
      givenNames: 'ROUTE',
      nationality: 'AUS',
      issuingState: 'AUS',
      documentNumber: 'ROUTEWALK1',
      birthDate: '1980-01-01',
      sex: 'M',
    }),
  },
  'GET /officer/foreigners/departures': { access: departureRecorders },
  'POST /officer/foreigners/departures': {
    access: departureRecorders,
    // A passport nobody has: valid input, so a refusal comes from the role, and nothing is recorded.
    form: () => ({
      nationality: 'AUS',
      documentNumber: 'ROUTEWALK0',
      departedOn: '2020-01-02',
      place: 'Bandara El Tari',
    }),
  },
};
