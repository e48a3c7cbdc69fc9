// The route walk's table: every registered route with its access class and valid input (test/authz.test.ts).
import {
  Entry,
  anyId,
  applicationBody,
  caseTakers,
  caseworkers,
  desk,
  holidayForm,
  managers,
  officerForm,
  passportDesk,
  queueDesk,
  someDay,
  someSaturday,
  unitForm,
  watchlistForm,
  watchlistKeepers,
  weeklyForm,
} from './authz-entry.ts';
import { citizenCaseRoutes } from './authz-citizen-routes.ts';
import { foreignerRoutes } from './authz-foreigner-routes.ts';
import { overstayRoutes } from './authz-overstay-routes.ts';
import { dashboardRoutes } from './authz-dashboard-routes.ts';
import { detentionRoutes } from './authz-detention-routes.ts';
import { enforcementRoutes } from './authz-enforcement-routes.ts';
import { performanceRoutes } from './authz-performance-routes.ts';
import { timporaRoutes } from './authz-timpora-routes.ts';
import { deferralRoutes } from './authz-deferral-routes.ts';
import { adoptedVillageRoutes } from './authz-adopted-village-routes.ts';
import { postRoutes } from './authz-posts-routes.ts';
import { openDataRoutes } from './authz-open-data-routes.ts';
import { villageTipRoutes } from './authz-village-tip-routes.ts';
import { banRoutes } from './authz-ban-routes.ts';
import { lodgingRoutes } from './authz-lodging-routes.ts';
import { borderPassRoutes } from './authz-border-pass-routes.ts';
import { borderRoutes } from './authz-border-routes.ts';
import { lodgingOversightRoutes } from './authz-lodging-oversight-routes.ts';
import { permitServiceRoutes } from './authz-permit-service-routes.ts';
import { permitRoutes } from './authz-permit-routes.ts';
import { programmeRoutes } from './authz-programme-routes.ts';
import { waitingRoomRoutes } from './authz-waiting-room-routes.ts';

export { anyId, applicationBody, multipart, officerForm, unitForm, type Fx } from './authz-entry.ts';

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
  // The audit log's public face: signed checkpoints, the key and proofs are hashes, never an entry's content.
  'GET /audit/checkpoint': { access: 'public' },
  'GET /audit/key': { access: 'public' },
  'GET /api/v1/audit/consistency': { access: 'public', url: () => '/api/v1/audit/consistency?from=1&to=1' },
  'GET /api/v1/audit/entries/:id/inclusion': { access: 'public', url: () => '/api/v1/audit/entries/1/inclusion' },
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
  ...waitingRoomRoutes(),

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
  'GET /transparansi/pengawasan.csv': { access: 'public' },
  'GET /transparansi/desa-binaan.csv': { access: 'public' },
  'GET /api/v1/transparency': { access: 'public' },
  'GET /statistik/paspor.csv': { access: 'public', url: () => '/statistik/paspor.csv?from=2025-01&to=2025-12' },
  'GET /api/v1/stats/passports': {
    access: 'public',
    url: () => '/api/v1/stats/passports?from=2025-01&to=2025-12&unit=KANWIL-NTT',
  },
  ...programmeRoutes,
  ...foreignerRoutes,
  ...overstayRoutes,
  ...dashboardRoutes,
  ...detentionRoutes,
  ...enforcementRoutes,
  ...timporaRoutes,
  ...performanceRoutes,
  ...deferralRoutes,
  ...adoptedVillageRoutes,
  ...postRoutes,
  ...openDataRoutes,
  ...villageTipRoutes,
  ...banRoutes,
  ...lodgingRoutes,
  ...borderPassRoutes,
  ...borderRoutes,
  ...lodgingOversightRoutes,
  ...permitServiceRoutes,
  ...permitRoutes,
};
