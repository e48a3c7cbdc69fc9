// The route walk's vocabulary: access classes, role groups and valid inputs (test/authz.test.ts).
import crypto from 'node:crypto';
import type { Account, OfficerRole } from '../src/platform/auth/schema.ts';
import { PASSWORD, uniqueEmail } from './factories.ts';

/**
 * The route walk: every registered route has an access class here, and each class is proven to refuse the people
 * it must refuse. A route added without an entry fails the coverage test, so nobody ships an unclassified route.
 */
export type Access = 'public' | 'signed-in' | 'officer' | readonly OfficerRole[];
export type Fx = { citizen: Account; kupangOfficer: Account; kupangClosure: string };
/**
 * `form`: a page form's fields; `body`: an API write's JSON; `upload`: the text fields of an API upload, sent as
 * multipart with a small file. All valid, so that refusals come from authorisation, not from the input.
 */
export type Entry = {
  access: Access;
  url?: (fx: Fx) => string;
  form?: (fx: Fx) => Record<string, string | string[]>;
  body?: () => Record<string, unknown>;
  upload?: Record<string, string>;
  mutates?: boolean;
};

export function multipart(fields: Record<string, string>) {
  const boundary = 'sikoe-route-walk';
  const part = (name: string, value: string, file = '') =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"${file}\r\n\r\n${value}\r\n`;
  const payload =
    Object.entries(fields)
      .map(([k, v]) => part(k, v))
      .join('') +
    part('file', '%PDF-1.4', '; filename="ktp.pdf"\r\ncontent-type: application/pdf') +
    `--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const managers = ['admin', 'head_of_office'] as const;
export const desk = ['admin', 'head_of_office', 'counter_officer', 'verifier', 'adjudicator'] as const;
/** Reception and the counters (the queue): officers who serve applicants face to face. */
export const queueDesk = ['head_of_office', 'counter_officer', 'verifier'] as const;
/** Roles that take cases at the counter: their work queue. */
export const caseworkers = ['head_of_office', 'counter_officer', 'verifier', 'adjudicator'] as const;
export const someDay = '2030-01-02';
/** Who may take a case (any role that runs a step; admins look but do not act), and who keeps the prevention list. */
export const caseTakers = ['head_of_office', 'counter_officer', 'verifier', 'adjudicator'] as const;
export const watchlistKeepers = ['head_of_office', 'verifier'] as const;
export const watchlistForm = {
  fullName: 'Didaftar Tanpa Hak',
  birthDate: '1931-01-01',
  reason: 'Tanpa hak',
  reference: 'X-0',
};
export const someSaturday = '2030-01-05';
/** The passport desk: it keeps the blank-book ledger in view and hands over on Saturdays. */
export const passportDesk = ['admin', 'head_of_office', 'counter_officer', 'verifier'] as const;
export const weeklyForm = Object.fromEntries(
  ['online', 'percepatan', 'priority', 'eazy_paspor'].flatMap((c) =>
    [1, 2, 3, 4, 5, 6, 7].map((d) => [`${c}_${d}`, '7']),
  ),
);
export const holidayForm = {
  date: someDay,
  name: 'Ditutup tanpa hak',
  kind: 'office_closure',
  unitCode: 'KANIM-KUPANG',
};
export const applicationBody = {
  unitCode: 'KANIM-KUPANG',
  nik: '5371010507900001',
  fullName: 'Yohanes Ndun',
  birthPlace: 'Kupang',
  birthDate: '1990-07-05',
  sex: 'M',
  maritalStatus: 'single',
  address: 'Jl. El Tari 1, Kupang',
  phone: '081234567890',
  email: 'yohanes@example.org',
  kind: 'first',
  passportType: 'elektronik',
  validityYears: 10,
  speed: 'reguler',
  purpose: 'tourism',
};
export const unitForm = {
  name: 'Diubah tanpa hak',
  address: 'Jl. Tanpa Hak 1, Kupang',
  regencyCode: '53.71',
  phone: '',
  email: '',
  state: 'active',
  services: ['passport'],
  hours_mon: '08:00-15:00',
  hours_tue: '',
  hours_wed: '',
  hours_thu: '',
  hours_fri: '',
  hours_sat: '',
  hours_sun: '',
};
export const officerForm = () => ({
  name: 'Petugas Baru',
  email: uniqueEmail('new'),
  role: 'counter_officer',
  unitCode: 'KANIM-KUPANG',
  password: PASSWORD,
});
export const anyId = crypto.randomUUID();
/** A token nobody was given, and a valid questionnaire (every element answered "3"). */
export const surveyToken = 'unknown-survey-token-0000';
export const surveyScores = Object.fromEntries(
  ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'].map((c) => [c, 3]),
);
export const surveyForm = Object.fromEntries(Object.entries(surveyScores).map(([c, v]) => [c, String(v)]));
export const ikmViewers = [
  'admin',
  'head_of_office',
  'counter_officer',
  'verifier',
  'adjudicator',
  'oversight_officer',
  'auditor',
] as const;
/** si Koe Peduli: the office's managers answer and plan visits; the counter staff who go out see them and serve. */
export const visitViewers = ['admin', 'head_of_office', 'counter_officer', 'verifier'] as const;
export const visitServers = ['head_of_office', 'counter_officer', 'verifier'] as const;
export const homeVisitBody = {
  requesterRelation: 'child',
  applicantName: 'Martha Ndun',
  applicantNik: '5371014507500001',
  applicantBirthDate: '1950-07-05',
  reason: 'elderly',
  placeKind: 'home',
  address: 'Jl. El Tari 1, Kupang',
  villageCode: '53.71.01.1001',
  unitCode: 'KANIM-KUPANG',
  preferredDates: [someDay],
};
export const complaintViewers = ['head_of_office', 'verifier', 'oversight_officer', 'auditor'] as const;
export const complaintHandlers = ['head_of_office', 'verifier', 'oversight_officer'] as const;
export const complaintBody = {
  type: 'complaint',
  category: 'undue_delay',
  unitCode: 'KANIM-KUPANG',
  description: 'Paspor belum jadi.',
  anonymous: true,
};
