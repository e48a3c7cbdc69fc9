// The route walk's table: every registered route with its access class and valid input (test/authz.test.ts).
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

const managers = ['admin', 'head_of_office'] as const;
const desk = ['admin', 'head_of_office', 'counter_officer', 'verifier', 'adjudicator'] as const;
/** Reception and the counters (the queue): officers who serve applicants face to face. */
const queueDesk = ['head_of_office', 'counter_officer', 'verifier'] as const;
/** Roles that take cases at the counter: their work queue. */
const caseworkers = ['head_of_office', 'counter_officer', 'verifier', 'adjudicator'] as const;
const someDay = '2030-01-02';
/** Who may take a case (any role that runs a step; admins look but do not act), and who keeps the prevention list. */
const caseTakers = ['head_of_office', 'counter_officer', 'verifier', 'adjudicator'] as const;
const watchlistKeepers = ['head_of_office', 'verifier'] as const;
const watchlistForm = {
  fullName: 'Didaftar Tanpa Hak',
  birthDate: '1931-01-01',
  reason: 'Tanpa hak',
  reference: 'X-0',
};
const someSaturday = '2030-01-05';
/** The passport desk: it keeps the blank-book ledger in view and hands over on Saturdays. */
const passportDesk = ['admin', 'head_of_office', 'counter_officer', 'verifier'] as const;
const weeklyForm = Object.fromEntries(
  ['online', 'percepatan', 'priority', 'eazy_paspor'].flatMap((c) =>
    [1, 2, 3, 4, 5, 6, 7].map((d) => [`${c}_${d}`, '7']),
  ),
);
const holidayForm = { date: someDay, name: 'Ditutup tanpa hak', kind: 'office_closure', unitCode: 'KANIM-KUPANG' };
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
const surveyToken = 'unknown-survey-token-0000';
const surveyScores = Object.fromEntries(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'].map((c) => [c, 3]));
const surveyForm = Object.fromEntries(Object.entries(surveyScores).map(([c, v]) => [c, String(v)]));
const ikmViewers = [
  'admin',
  'head_of_office',
  'counter_officer',
  'verifier',
  'adjudicator',
  'oversight_officer',
  'auditor',
] as const;
/** si Koe Peduli: the office's managers answer and plan visits; the counter staff who go out see them and serve. */
const visitViewers = ['admin', 'head_of_office', 'counter_officer', 'verifier'] as const;
const visitServers = ['head_of_office', 'counter_officer', 'verifier'] as const;
const homeVisitBody = {
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

/**
 * A citizen's own applications and bookings (officers of the unit may view submitted ones): signed-in routes whose
 * use cases refuse other people's cases, so the walk proves that outsiders are sent to sign in.
 */
function citizenCaseRoutes(): Record<string, Entry> {
  const app = `/applications/${anyId}`;
  const steps = [
    'office',
    'nik',
    'name',
    'birth',
    'sex',
    'marital',
    'address',
    'phone',
    'email',
    'kind',
    'type',
    'validity',
    'speed',
    'purpose',
    'documents',
  ];
  const page = (path: string): Entry => ({ access: 'signed-in', url: () => path });
  const form = (path: string): Entry => ({ access: 'signed-in', url: () => path, form: () => ({}), mutates: true });
  return {
    'GET /applications': page('/applications'),
    'POST /applications': form('/applications'),
    'GET /applications/:id': page(app),
    'GET /applications/:id/submitted': page(`${app}/submitted`),
    'POST /applications/:id/discard': form(`${app}/discard`),
    'GET /applications/:id/withdraw': page(`${app}/withdraw`),
    'POST /applications/:id/withdraw': form(`${app}/withdraw`),
    'POST /api/v1/applications/:id/withdraw': {
      access: 'signed-in',
      url: () => `/api/v1${app}/withdraw`,
      mutates: true,
    },
    ...Object.fromEntries(
      steps.flatMap((step) => [
        [`GET /applications/:id/steps/${step}`, page(`${app}/steps/${step}`)],
        [`POST /applications/:id/steps/${step}`, form(`${app}/steps/${step}`)],
      ]),
    ),
    'POST /applications/:id/documents': form(`${app}/documents`),
    'GET /applications/:id/documents/:documentId': page(`${app}/documents/${anyId}`),
    'POST /applications/:id/documents/:documentId/delete': form(`${app}/documents/${anyId}/delete`),
    'GET /applications/:id/check': page(`${app}/check`),
    'POST /applications/:id/submit': form(`${app}/submit`),
    'GET /applications/:id/book': page(`${app}/book`),
    'POST /applications/:id/book': form(`${app}/book`),
    'POST /applications/:id/waitlist': form(`${app}/waitlist`),
    'POST /applications/:id/waitlist/:entryId/accept': form(`${app}/waitlist/${anyId}/accept`),
    'POST /applications/:id/waitlist/:entryId/leave': form(`${app}/waitlist/${anyId}/leave`),
    'GET /applications/:id/appointment': page(`${app}/appointment`),
    'GET /applications/:id/appointment/receipt.pdf': page(`${app}/appointment/receipt.pdf`),
    'GET /applications/:id/appointment/cara-membayar': page(`${app}/appointment/cara-membayar`),
    'GET /applications/:id/appointment/calendar.ics': page(`${app}/appointment/calendar.ics`),
    'GET /applications/:id/appointment/reschedule': page(`${app}/appointment/reschedule`),
    'POST /applications/:id/appointment/reschedule': form(`${app}/appointment/reschedule`),
    'GET /applications/:id/appointment/cancel': page(`${app}/appointment/cancel`),
    'POST /applications/:id/appointment/cancel': form(`${app}/appointment/cancel`),
    'POST /api/v1/applications/:id/appointment/reschedule': {
      access: 'signed-in',
      url: () => `/api/v1${app}/appointment/reschedule`,
      body: () => ({ date: someDay }),
      mutates: true,
    },
    'POST /api/v1/applications/:id/appointment/cancel': {
      access: 'signed-in',
      url: () => `/api/v1${app}/appointment/cancel`,
      mutates: true,
    },
    'POST /api/v1/applications/:id/documents': {
      access: 'signed-in',
      url: () => `/api/v1${app}/documents`,
      upload: { kind: 'ektp' },
      mutates: true,
    },
    'GET /applications/:id/saturday-pickup': page(`${app}/saturday-pickup`),
    'POST /applications/:id/saturday-pickup': form(`${app}/saturday-pickup`),
    'GET /applications/:id/eazy-paspor': page(`${app}/eazy-paspor`),
    'POST /applications/:id/eazy-paspor': form(`${app}/eazy-paspor`),
    'POST /api/v1/applications/:id/saturday-pickup': {
      access: 'signed-in',
      url: () => `/api/v1${app}/saturday-pickup`,
      body: () => ({ date: someSaturday }),
      mutates: true,
    },
  };
}

/** Complaints: heads and verifiers (ordinary complaints of their scope), the integrity role (oversight officers of the
 * regional office: whistle-blowing), auditors (read only, every unit). */
const complaintViewers = ['head_of_office', 'verifier', 'oversight_officer', 'auditor'] as const;
const complaintHandlers = ['head_of_office', 'verifier', 'oversight_officer'] as const;
const complaintBody = {
  type: 'complaint',
  category: 'undue_delay',
  unitCode: 'KANIM-KUPANG',
  description: 'Paspor belum jadi.',
  anonymous: true,
};
export const routes: Record<string, Entry> = {
  'GET /': { access: 'public' },
  'GET /docs': { access: 'public' },
  'GET /docs/': { access: 'public' },
  'GET /docs/json': { access: 'public' },
  'GET /docs/yaml': { access: 'public' },
  'GET /docs/static/index.html': { access: 'public' },
  'GET /docs/static/swagger-initializer.js': { access: 'public' },
  'GET /docs/static/*': { access: 'public', url: () => '/docs/static/swagger-ui.css' },
  'GET /static/*': { access: 'public', url: () => '/static/app.css' },
  'GET /static/vendor/*': { access: 'public', url: () => '/static/vendor/htmx.min.js' },
  'GET /healthz': { access: 'public' },
  'GET /readyz': { access: 'public' },
  // Not by role: by address or token (platform/http/metrics.ts, tested in http.test.ts); the walk's clients are local.
  'GET /metrics': { access: 'public' },
  'GET /api/openapi.json': { access: 'public' },
  'GET /api/v1/units': { access: 'public' },
  'GET /api/v1/units/:code': { access: 'public', url: () => '/api/v1/units/KANIM-KUPANG' },
  'GET /api/v1/units/:code/availability': {
    access: 'public',
    url: () => `/api/v1/units/KANIM-KUPANG/availability?from=${someDay}&to=${someDay}`,
  },
  'GET /api/v1/track': { access: 'public', url: () => '/api/v1/track?code=NOPE&birthDate=1990-07-05' },
  'GET /track': { access: 'public' },
  'GET /cara-membayar': { access: 'public' },
  'POST /track': { access: 'public', form: () => ({}) },
  'GET /static/booking/:version/booking.css': { access: 'public', url: () => '/static/booking/0/booking.css' },
  'GET /static/proof/:version/:file': { access: 'public', url: () => '/static/proof/0/proof.js' },
  // The bank's notification: no person signs in, the HMAC signature is the credential.
  'POST /api/v1/payments/notifications': { access: 'public', body: () => ({}) },
  'GET /api/v1/regions/provinces': { access: 'public' },
  'GET /api/v1/regions/provinces/:code/regencies': {
    access: 'public',
    url: () => '/api/v1/regions/provinces/53/regencies',
  },
  'GET /api/v1/regions/regencies/:code/districts': {
    access: 'public',
    url: () => '/api/v1/regions/regencies/53.71/districts',
  },
  'GET /api/v1/regions/districts/:code/villages': {
    access: 'public',
    url: () => '/api/v1/regions/districts/53.71.01/villages',
  },
  'GET /regions/picker': { access: 'public', url: () => '/regions/picker?name=home&legend=Alamat' },
  'POST /api/v1/accounts': { access: 'public' },
  'POST /api/v1/auth/token': { access: 'public' },
  'GET /units/:code': { access: 'public', url: () => '/units/KANIM-KUPANG' },
  'GET /lang/:lang': { access: 'public', url: () => '/lang/en?next=/' },
  'GET /signup': { access: 'public' },
  'POST /signup': { access: 'public', form: () => ({}) },
  'GET /verify': { access: 'public', url: () => '/verify?token=nope' },
  'GET /setup': { access: 'public', url: () => '/setup?token=nope' },
  'POST /setup': { access: 'public', form: () => ({}) },
  'GET /login': { access: 'public' },
  'POST /login': { access: 'public', form: () => ({}) },
  'POST /logout': { access: 'public', form: () => ({}) },
  'GET /password/forgot': { access: 'public' },
  'POST /password/forgot': { access: 'public', form: () => ({}) },
  'GET /password/reset': { access: 'public', url: () => '/password/reset?token=nope' },
  'POST /password/reset': { access: 'public', form: () => ({}) },

  'GET /api/v1/me': { access: 'signed-in' },
  'GET /api/v1/me/tokens': { access: 'signed-in' },
  'DELETE /api/v1/me/tokens/:id': { access: 'signed-in', url: () => `/api/v1/me/tokens/${anyId}` },
  'GET /account': { access: 'signed-in' },
  'POST /account/tokens': { access: 'signed-in', form: () => ({ name: 'laptop' }) },
  'POST /account/tokens/:id/revoke': {
    access: 'signed-in',
    url: () => `/account/tokens/${anyId}/revoke`,
    form: () => ({}),
  },
  'POST /account/sessions/:id/end': {
    access: 'signed-in',
    url: () => '/account/sessions/0123456789abcdef/end',
    form: () => ({}),
  },
  'POST /account/sign-out-everywhere': { access: 'signed-in', form: () => ({}), mutates: true },
  // The second sign-in step: a session whose second factor is still pending.
  'GET /login/totp': { access: 'signed-in' },
  // Citizens apply and book for themselves (the use cases refuse officers and other citizens' applications).
  'POST /api/v1/applications': { access: 'signed-in', body: () => applicationBody, mutates: true },
  'POST /api/v1/applications/:id/appointment': {
    access: 'signed-in',
    url: () => `/api/v1/applications/${anyId}/appointment`,
    body: () => ({ date: someDay }),
  },
  'POST /login/totp': { access: 'signed-in', form: () => ({ code: '000000' }) },

  ...citizenCaseRoutes(),

  'GET /account/totp': { access: 'officer' },
  'POST /account/totp': { access: 'officer', form: () => ({ code: '000000' }) },
  'GET /officer': { access: 'officer' },
  'GET /admin/units': { access: ['admin'] },
  'GET /admin/units/:code/edit': { access: ['admin'], url: () => '/admin/units/KANIM-KUPANG/edit' },
  'POST /admin/units/:code/edit': {
    access: ['admin'],
    url: () => '/admin/units/KANIM-KUPANG/edit',
    form: () => unitForm,
    mutates: true,
  },
  'GET /admin/officers': { access: managers },
  'GET /admin/officers/new': { access: ['admin'] },
  'POST /admin/officers/new': { access: ['admin'], form: officerForm },
  'GET /admin/accounts/:id': { access: managers, url: (fx) => `/admin/accounts/${fx.kupangOfficer.id}` },
  'POST /admin/accounts/:id/sign-in-failures/clear': {
    access: ['admin'],
    url: (fx) => `/admin/accounts/${fx.kupangOfficer.id}/sign-in-failures/clear`,
    form: () => ({}),
    mutates: true,
  },
  'GET /admin/holidays': { access: managers },
  'POST /admin/holidays': { access: managers, form: () => holidayForm, mutates: true },
  'GET /admin/holidays/:id/edit': { access: managers, url: (fx) => `/admin/holidays/${fx.kupangClosure}/edit` },
  'POST /admin/holidays/:id/edit': {
    access: managers,
    url: (fx) => `/admin/holidays/${fx.kupangClosure}/edit`,
    form: () => holidayForm,
    mutates: true,
  },
  'POST /admin/holidays/:id/delete': {
    access: managers,
    url: (fx) => `/admin/holidays/${fx.kupangClosure}/delete`,
    form: () => ({}),
    mutates: true,
  },
  'GET /officer/units/:code/quotas': { access: managers, url: () => '/officer/units/KANIM-KUPANG/quotas' },
  'POST /officer/units/:code/quotas/weekly': {
    access: managers,
    url: () => '/officer/units/KANIM-KUPANG/quotas/weekly',
    form: () => weeklyForm,
    mutates: true,
  },
  'POST /officer/units/:code/quotas/dates': {
    access: managers,
    url: () => '/officer/units/KANIM-KUPANG/quotas/dates',
    form: () => ({ date: someDay, channel: 'online', capacity: '3' }),
    mutates: true,
  },
  'PUT /api/v1/units/:code/quotas/:date': {
    access: managers,
    url: () => `/api/v1/units/KANIM-KUPANG/quotas/${someDay}`,
    body: () => ({ channel: 'online', capacity: 3 }),
    mutates: true,
  },
  'GET /officer/units/:code/stock': { access: managers, url: () => '/officer/units/KANIM-KUPANG/stock' },
  'POST /officer/units/:code/stock': {
    access: managers,
    url: () => '/officer/units/KANIM-KUPANG/stock',
    form: () => ({ biasa: '1', elektronik: '1' }),
    mutates: true,
  },
  'GET /officer/units/:code/appointments': {
    access: desk,
    url: () => `/officer/units/KANIM-KUPANG/appointments?date=${someDay}`,
  },
  'GET /api/v1/units/:code/appointments': {
    access: desk,
    url: () => `/api/v1/units/KANIM-KUPANG/appointments?date=${someDay}`,
  },
  // Case actions: refused by role before the case is looked up, so an unknown id still proves the refusal.
  'POST /api/v1/applications/:id/actions': {
    access: caseTakers,
    url: () => `/api/v1/applications/${anyId}/actions`,
    body: () => ({ type: 'take' }),
    mutates: true,
  },
  'GET /api/v1/applications/:id/actions': { access: desk, url: () => `/api/v1/applications/${anyId}/actions` },
  'GET /officer/cases/:id': { access: desk, url: () => `/officer/cases/${anyId}` },
  'GET /officer/cases/:id/rejection-receipt': { access: desk, url: () => `/officer/cases/${anyId}/rejection-receipt` },
  'POST /officer/cases/:id/actions': {
    access: caseTakers,
    url: () => `/officer/cases/${anyId}/actions`,
    form: () => ({ type: 'take' }),
    mutates: true,
  },
  'GET /officer/watchlist': { access: watchlistKeepers },
  'POST /officer/watchlist': { access: watchlistKeepers, form: () => watchlistForm, mutates: true },
  'POST /officer/watchlist/:id/lift': {
    access: watchlistKeepers,
    url: () => `/officer/watchlist/${anyId}/lift`,
    form: () => ({ reason: 'Dicabut tanpa hak' }),
    mutates: true,
  },
  'GET /api/v1/watchlist': { access: watchlistKeepers },
  'POST /api/v1/watchlist': { access: watchlistKeepers, body: () => watchlistForm, mutates: true },
  'POST /api/v1/watchlist/:id/lift': {
    access: watchlistKeepers,
    url: () => `/api/v1/watchlist/${anyId}/lift`,
    body: () => ({ reason: 'Dicabut tanpa hak' }),
    mutates: true,
  },
  'GET /api/v1/passports/:number': { access: desk, url: () => '/api/v1/passports/X0000000' },
  'GET /officer/units/:code/books': { access: passportDesk, url: () => '/officer/units/KANIM-KUPANG/books' },
  'POST /officer/units/:code/books/received': {
    access: managers,
    url: () => '/officer/units/KANIM-KUPANG/books/received',
    form: () => ({ receivedType: 'biasa', receivedQuantity: '5' }),
    mutates: true,
  },
  'POST /officer/units/:code/books/spoiled': {
    access: managers,
    url: () => '/officer/units/KANIM-KUPANG/books/spoiled',
    form: () => ({ spoiledType: 'biasa', spoiledReason: 'Terkena air' }),
    mutates: true,
  },
  'POST /officer/units/:code/books/counted': {
    access: managers,
    url: () => '/officer/units/KANIM-KUPANG/books/counted',
    form: () => ({ countedType: 'biasa', countedQuantity: '5' }),
    mutates: true,
  },
  'GET /officer/units/:code/saturday-pickups': {
    access: managers,
    url: () => '/officer/units/KANIM-KUPANG/saturday-pickups',
  },
  'POST /officer/units/:code/saturday-pickups': {
    access: managers,
    url: () => '/officer/units/KANIM-KUPANG/saturday-pickups',
    form: () => ({ date: someSaturday, capacity: '3' }),
    mutates: true,
  },
  'GET /officer/units/:code/saturday-pickups/:date': {
    access: passportDesk,
    url: () => `/officer/units/KANIM-KUPANG/saturday-pickups/${someSaturday}`,
  },
  'GET /officer/units/:code/kits': { access: desk, url: () => '/officer/units/KANIM-KUPANG/kits' },
  'POST /officer/units/:code/kits': {
    access: managers,
    url: () => '/officer/units/KANIM-KUPANG/kits',
    form: () => ({ name: 'Perangkat tanpa hak' }),
    mutates: true,
  },
  'POST /officer/units/:code/kits/:kitId/deactivate': {
    access: managers,
    url: () => `/officer/units/KANIM-KUPANG/kits/${anyId}/deactivate`,
    form: () => ({}),
    mutates: true,
  },
  'GET /officer/units/:code/calendar': {
    access: desk,
    url: () => '/officer/units/KANIM-KUPANG/calendar?month=2030-01',
  },
  'POST /officer/units/:code/calendar/counter-duty': {
    access: managers,
    url: () => '/officer/units/KANIM-KUPANG/calendar/counter-duty',
    form: (fx) => ({ from: someDay, to: someDay, officerIds: fx.kupangOfficer.id }),
    mutates: true,
  },
  'POST /officer/units/:code/calendar/duties/:dutyId/remove': {
    access: managers,
    url: () => `/officer/units/KANIM-KUPANG/calendar/duties/${anyId}/remove`,
    form: () => ({}),
    mutates: true,
  },
  'GET /api/v1/units/:code/calendar': {
    access: desk,
    url: () => `/api/v1/units/KANIM-KUPANG/calendar?from=${someDay}&to=${someDay}`,
  },
  'GET /units/:code/antrian': { access: 'public', url: () => '/units/KANIM-KUPANG/antrian' },
  'GET /api/v1/units/:code/queue': { access: 'public', url: () => '/api/v1/units/KANIM-KUPANG/queue' },
  'GET /officer/units/:code/reception': { access: queueDesk, url: () => '/officer/units/KANIM-KUPANG/reception' },
  'POST /officer/units/:code/reception/check-in': {
    access: queueDesk,
    url: () => '/officer/units/KANIM-KUPANG/reception/check-in',
    form: () => ({ via: 'code', trackingCode: 'SK0000000000', birthDate: '1990-07-05' }),
    mutates: true,
  },
  'POST /officer/units/:code/reception/walk-in': {
    access: queueDesk,
    url: () => '/officer/units/KANIM-KUPANG/reception/walk-in',
    form: () => ({ priorityTrackingCode: 'SK0000000000', priorityBirthDate: '1950-07-05', reason: 'elderly' }),
    mutates: true,
  },
  'GET /officer/units/:code/counter': {
    access: queueDesk,
    url: () => '/officer/units/KANIM-KUPANG/counter?counter=Loket%201',
  },
  'POST /officer/units/:code/counter/call': {
    access: queueDesk,
    url: () => '/officer/units/KANIM-KUPANG/counter/call',
    form: () => ({ counter: 'Loket 1' }),
    mutates: true,
  },
  'POST /officer/units/:code/counter/recall': {
    access: queueDesk,
    url: () => '/officer/units/KANIM-KUPANG/counter/recall',
    form: () => ({ counter: 'Loket 1', ticketId: anyId }),
    mutates: true,
  },
  'POST /officer/units/:code/counter/no-show': {
    access: queueDesk,
    url: () => '/officer/units/KANIM-KUPANG/counter/no-show',
    form: () => ({ counter: 'Loket 1', ticketId: anyId, confirm: 'yes' }),
    mutates: true,
  },
  'POST /api/v1/units/:code/check-ins': {
    access: queueDesk,
    url: () => '/api/v1/units/KANIM-KUPANG/check-ins',
    body: () => ({ trackingCode: 'SK0000000000', birthDate: '1990-07-05' }),
    mutates: true,
  },
  'POST /api/v1/units/:code/walk-ins': {
    access: queueDesk,
    url: () => '/api/v1/units/KANIM-KUPANG/walk-ins',
    body: () => ({ trackingCode: 'SK0000000000', birthDate: '1950-07-05', reason: 'elderly' }),
    mutates: true,
  },
  'POST /api/v1/units/:code/queue/call': {
    access: queueDesk,
    url: () => '/api/v1/units/KANIM-KUPANG/queue/call',
    body: () => ({ counter: 'Loket 1' }),
    mutates: true,
  },
  'POST /api/v1/units/:code/queue/tickets/:ticketId/recall': {
    access: queueDesk,
    url: () => `/api/v1/units/KANIM-KUPANG/queue/tickets/${anyId}/recall`,
    body: () => ({ counter: 'Loket 1' }),
    mutates: true,
  },
  'POST /api/v1/units/:code/queue/tickets/:ticketId/no-show': {
    access: queueDesk,
    url: () => `/api/v1/units/KANIM-KUPANG/queue/tickets/${anyId}/no-show`,
    mutates: true,
  },
  'GET /officer/work': { access: caseworkers, url: () => '/officer/work?overdue=1' },
  'GET /api/v1/work': { access: caseworkers, url: () => '/api/v1/work?status=checked_in' },
  'GET /officer/search': { access: desk, url: () => '/officer/search?q=Ndun' },
  'GET /api/v1/cases/search': { access: desk, url: () => '/api/v1/cases/search?q=Ndun' },
  'GET /statistik/paspor': { access: 'public' },
  'GET /transparansi': { access: 'public' },
  'GET /transparansi.csv': { access: 'public' },
  'GET /api/v1/transparency': { access: 'public' },
  'GET /statistik/paspor.csv': { access: 'public', url: () => '/statistik/paspor.csv?from=2025-01&to=2025-12' },
  'GET /api/v1/stats/passports': {
    access: 'public',
    url: () => '/api/v1/stats/passports?from=2025-01&to=2025-12&unit=KANWIL-NTT',
  },
  // Satisfaction survey: one-time links without an account (an unknown token is 404); the unit's staff type in paper
  // questionnaires and read its IKM, the auditor (Ombudsman) reads every unit's.
  'GET /survei/:token': { access: 'public', url: () => `/survei/${surveyToken}` },
  'POST /survei/:token': { access: 'public', url: () => `/survei/${surveyToken}`, form: () => surveyForm },
  'GET /survei/:token/qr.svg': { access: 'public', url: () => `/survei/${surveyToken}/qr.svg` },
  'POST /api/v1/surveys/:token': {
    access: 'public',
    url: () => `/api/v1/surveys/${surveyToken}`,
    body: () => ({ scores: surveyScores }),
  },
  'GET /api/v1/ikm': { access: 'public', url: () => `/api/v1/ikm?unit=KANIM-KUPANG&from=${someDay}&to=${someDay}` },
  'GET /officer/units/:code/surveys': { access: ikmViewers, url: () => '/officer/units/KANIM-KUPANG/surveys' },
  'POST /officer/units/:code/surveys': {
    access: queueDesk,
    url: () => '/officer/units/KANIM-KUPANG/surveys',
    form: () => ({ ...surveyForm, service: 'passport' }),
    mutates: true,
  },
  'POST /api/v1/units/:code/surveys': {
    access: queueDesk,
    url: () => '/api/v1/units/KANIM-KUPANG/surveys',
    body: () => ({ scores: surveyScores, service: 'passport' }),
    mutates: true,
  },
  'GET /officer/units/:code/ikm.pdf': {
    access: ikmViewers,
    url: () => `/officer/units/KANIM-KUPANG/ikm.pdf?from=${someDay}&to=${someDay}`,
  },
  'GET /officer/units/:code/ikm.xlsx': {
    access: ikmViewers,
    url: () => `/officer/units/KANIM-KUPANG/ikm.xlsx?from=${someDay}&to=${someDay}`,
  },
  // Eazy Paspor: communities request and follow sessions without an account; the office decides and reports.
  'GET /eazy-paspor': { access: 'public', url: () => '/eazy-paspor?regency=53.71' },
  'GET /eazy-paspor/ajukan': { access: 'public' },
  'POST /eazy-paspor/ajukan': { access: 'public', form: () => ({}) },
  'GET /eazy-paspor/ajukan/terkirim': { access: 'public', url: () => '/eazy-paspor/ajukan/terkirim?code=EZ0000000000' },
  'GET /eazy-paspor/status': { access: 'public', url: () => '/eazy-paspor/status?code=EZ0000000000' },
  'POST /api/v1/outreach/requests': { access: 'public', body: () => ({}) },
  'GET /api/v1/outreach/sessions': { access: 'public', url: () => '/api/v1/outreach/sessions?regency=53.71' },
  'GET /api/v1/outreach/sessions/:id/report': { access: desk, url: () => `/api/v1/outreach/sessions/${anyId}/report` },
  'GET /officer/outreach/sessions': { access: desk },
  'GET /officer/outreach/sessions/:id': { access: desk, url: () => `/officer/outreach/sessions/${anyId}` },
  'GET /officer/outreach/sessions/:id/report': {
    access: desk,
    url: () => `/officer/outreach/sessions/${anyId}/report`,
  },
  'POST /officer/outreach/sessions/:id/approve': {
    access: managers,
    url: () => `/officer/outreach/sessions/${anyId}/approve`,
    form: () => ({ date: someDay, capacity: '30', officerIds: anyId }),
    mutates: true,
  },
  'POST /officer/outreach/sessions/:id/refuse': {
    access: managers,
    url: () => `/officer/outreach/sessions/${anyId}/refuse`,
    form: () => ({ reason: 'Ditolak tanpa hak' }),
    mutates: true,
  },
  'POST /officer/outreach/sessions/:id/delivery': {
    access: managers,
    url: () => `/officer/outreach/sessions/${anyId}/delivery`,
    form: () => ({ deliveryDate: someDay, deliveryMode: 'community' }),
    mutates: true,
  },
  'POST /officer/outreach/sessions/:id/participants': {
    access: queueDesk,
    url: () => `/officer/outreach/sessions/${anyId}/participants`,
    form: () => ({ requestId: anyId, trackingCode: 'SK0000000000', birthDate: '1990-07-05' }),
    mutates: true,
  },
  // si Koe Peduli: citizens ask for visits (the use cases refuse other people's requests); officers answer and plan them.
  'POST /api/v1/home-visits': { access: 'signed-in', body: () => homeVisitBody, mutates: true },
  'GET /si-koe-peduli': { access: 'public' },
  'GET /si-koe-peduli/ajukan': { access: 'signed-in' },
  'POST /si-koe-peduli/ajukan': { access: 'signed-in', form: () => ({}), mutates: true },
  'GET /si-koe-peduli/:trackingCode': { access: 'signed-in', url: () => '/si-koe-peduli/KP0000000000' },
  'POST /si-koe-peduli/:trackingCode/bukti': {
    access: 'signed-in',
    url: () => '/si-koe-peduli/KP0000000000/bukti',
    form: () => ({}),
    mutates: true,
  },
  'GET /officer/home-visits': { access: visitViewers },
  'GET /officer/home-visits/:id': { access: visitViewers, url: () => `/officer/home-visits/${anyId}` },
  'GET /officer/home-visits/:id/evidence': {
    access: visitViewers,
    url: () => `/officer/home-visits/${anyId}/evidence`,
  },
  'POST /officer/home-visits/:id/accept': {
    access: managers,
    url: () => `/officer/home-visits/${anyId}/accept`,
    form: () => ({ note: 'Tanpa hak' }),
    mutates: true,
  },
  'POST /officer/home-visits/:id/refuse': {
    access: managers,
    url: () => `/officer/home-visits/${anyId}/refuse`,
    form: () => ({ reason: 'Tanpa hak' }),
    mutates: true,
  },
  'POST /officer/home-visits/:id/schedule': {
    access: managers,
    url: () => `/officer/home-visits/${anyId}/schedule`,
    form: () => ({ date: someDay, officerIds: anyId, kitId: anyId }),
    mutates: true,
  },
  'POST /officer/home-visits/:id/link': {
    access: visitServers,
    url: () => `/officer/home-visits/${anyId}/link`,
    form: () => ({ trackingCode: 'SK0000000000', birthDate: '1950-07-05' }),
    mutates: true,
  },
  'POST /officer/home-visits/:id/visited': {
    access: visitServers,
    url: () => `/officer/home-visits/${anyId}/visited`,
    form: () => ({}),
    mutates: true,
  },
  // Complaints: anyone files and follows one with its secret; officers see them by role (complaints/policy.ts).
  'POST /api/v1/complaints': { access: 'public', body: () => complaintBody, mutates: true },
  'GET /api/v1/complaints/:trackingCode': {
    access: 'public',
    url: () => '/api/v1/complaints/PG0000000000?secret=0000-0000-0000-0000',
  },
  'GET /api/v1/complaints': { access: complaintViewers },
  'GET /pengaduan': { access: 'public' },
  'POST /pengaduan': {
    access: 'public',
    form: () => ({
      type: 'complaint',
      category: 'other',
      unitCode: 'KANIM-KUPANG',
      description: 'Uji',
      anonymous: '1',
    }),
    mutates: true,
  },
  'GET /pengaduan/lacak': { access: 'public' },
  'POST /pengaduan/lacak': { access: 'public', form: () => ({ trackingCode: 'PG0000000000', secret: 'x' }) },
  'POST /pengaduan/lacak/buka-kembali': {
    access: 'public',
    form: () => ({ trackingCode: 'PG0000000000', secret: 'x', reason: 'Uji' }),
    mutates: true,
  },
  'POST /pengaduan/lacak/kepuasan': {
    access: 'public',
    form: () => ({ trackingCode: 'PG0000000000', secret: 'x', satisfaction: '4' }),
    mutates: true,
  },
  'GET /officer/complaints': { access: complaintViewers },
  'GET /officer/complaints.csv': { access: complaintViewers },
  'GET /officer/complaints/:id': { access: complaintViewers, url: () => `/officer/complaints/${anyId}` },
  'GET /officer/complaints/:id/attachments/:attachmentId': {
    access: complaintViewers,
    url: () => `/officer/complaints/${anyId}/attachments/${anyId}`,
  },
  'POST /officer/complaints/:id/actions': {
    access: complaintHandlers,
    url: () => `/officer/complaints/${anyId}/actions`,
    form: () => ({ step: 'note', text: 'Tanpa hak' }),
    mutates: true,
  },
};
