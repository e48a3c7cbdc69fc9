import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/accounts/api-tokens.ts';
import { holidays } from '../src/holidays/schema.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import { officerRoles, type Account, type OfficerRole } from '../src/platform/auth/schema.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { translator } from '../src/platform/i18n/index.ts';
import { describeApp } from './db.ts';
import { PASSWORD, makeCitizen, makeOfficer, sessionCookie } from './factories.ts';
import { Browser } from './http.ts';
import { registeredRoutes } from './routes.ts';

import { anyId, applicationBody, multipart, officerForm, routes, unitForm, type Fx } from './authz-routes.ts';

/** Each of these walks every route, so it takes longer as routes are added than a single test may. */
const WALK_TIMEOUT_MS = 180_000;

const entries = Object.entries(routes).map(([key, entry]) => {
  const [method, pattern] = key.split(' ') as [string, string];
  return { key, method, pattern, entry, url: (fx: Fx) => entry.url?.(fx) ?? pattern };
});
type Route = (typeof entries)[number];

/** Every method and path the router knows, read from the radix tree printout (segments concatenate exactly). */
const tId = translator('id');
type Who = { cookie?: string; bearer?: string };

describeApp('authorisation route walk', (ctx) => {
  const fx = {} as Fx;
  const anonymous: Who = {};
  const citizen: Who = {};
  const kupang = {} as Record<OfficerRole, Who>;

  /** One request as a browser would send it: page forms carry a valid CSRF token, so refusals come from authorisation. */
  async function call(who: Who, route: Route, emptyForm = false) {
    const url = route.url(fx);
    const isApi = url.startsWith('/api/');
    const browser = new Browser(ctx.app);
    if (who.cookie) browser.setCookie(who.cookie);
    const headers: Record<string, string> = isApi && who.bearer ? { authorization: `Bearer ${who.bearer}` } : {};
    if (route.method === 'GET' || isApi) {
      if (route.entry.upload) {
        const upload = multipart(route.entry.upload);
        return ctx.app.inject({
          method: 'POST',
          url,
          payload: upload.payload,
          headers: { ...headers, ...upload.headers },
        });
      }
      const payload = ['POST', 'PUT'].includes(route.method) ? { payload: route.entry.body?.() ?? {} } : {};
      return ctx.app.inject({
        method: route.method as 'GET',
        url,
        headers: { ...headers, cookie: browser.cookieHeader },
        ...payload,
      });
    }
    await browser.get('/login');
    return browser.request({ method: 'POST', url, form: emptyForm ? {} : (route.entry.form?.(fx) ?? {}) });
  }
  /** Page forms are sent twice, valid and empty: a refusal must not depend on the input (no form re-shown to outsiders). */
  const forms = (route: Route) =>
    route.method === 'POST' && !route.pattern.startsWith('/api/') ? [false, true] : [false];

  const problems: string[] = [];
  const header = (value: unknown) => (typeof value === 'string' ? value : '');
  const check = (
    ok: boolean,
    route: Route,
    what: string,
    res: { statusCode: number; headers: Record<string, unknown> },
  ) => {
    const got = `${res.statusCode} ${header(res.headers.location) || header(res.headers['content-type'])}`;
    if (!ok) problems.push(`${route.key} (${route.url(fx)}): ${what}, got ${got}`);
  };
  const refusedAsForbidden = (res: { statusCode: number; body: string }, isApi: boolean) =>
    res.statusCode === 403 &&
    (isApi
      ? (JSON.parse(res.body) as { error: { code: string } }).error.code === 'forbidden'
      : res.body.includes(tId('errors.forbidden')));
  const notRefused = (res: { statusCode: number; headers: Record<string, unknown> }) =>
    ![401, 403].includes(res.statusCode) && res.statusCode < 500 && !header(res.headers.location).startsWith('/login');

  beforeEach(() => {
    problems.length = 0;
  });
  beforeAll(async () => {
    fx.citizen = await makeCitizen(ctx.db);
    fx.kupangOfficer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
    citizen.cookie = await sessionCookie(ctx.db, fx.citizen);
    const token = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: fx.citizen.email, password: PASSWORD },
    });
    citizen.bearer = token.json<{ token: string }>().token;
    for (const role of officerRoles) {
      const officer = await makeOfficer(ctx.db, { role, unitCode: 'KANIM-KUPANG' });
      const { token } = await ctx.db.transaction((tx) =>
        createApiToken(tx, systemCaller('test'), officer.id, 'route walk'),
      );
      kupang[role] = { cookie: await sessionCookie(ctx.db, officer), bearer: token };
    }
    const closureDate = `2091-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 10)}`;
    const [closure] = await ctx.db
      .insert(holidays)
      .values({ date: closureDate, name: 'Penutupan uji', kind: 'office_closure', unitCode: 'KANIM-KUPANG' })
      .returning();
    fx.kupangClosure = closure!.id;
  });

  it('classifies every registered route, and every classified route exists', () => {
    expect(registeredRoutes(ctx.app)).toEqual(entries.map((r) => r.key).sort());
    for (const r of entries) expect(ctx.app.hasRoute({ method: r.method, url: r.pattern }), r.key).toBe(true);
  });

  it(
    'lets anonymous visitors reach every public route',
    async () => {
      for (const route of entries.filter((r) => r.entry.access === 'public')) {
        const res = await call(anonymous, route);
        check(notRefused(res), route, 'expected to be let through', res);
      }
      expect(problems).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it(
    'refuses anonymous visitors on every other route: 401 JSON on the API, a sign-in redirect on pages',
    async () => {
      for (const route of entries.filter((r) => r.entry.access !== 'public')) {
        for (const empty of forms(route)) {
          const res = await call(anonymous, route, empty);
          const url = route.url(fx);
          if (url.startsWith('/api/'))
            check(
              res.statusCode === 401 && res.json().error?.code === 'unauthenticated',
              route,
              'expected 401 unauthenticated',
              res,
            );
          else
            check(
              res.statusCode === 303 && res.headers.location === `/login?next=${encodeURIComponent(url)}`,
              route,
              `expected 303 to /login?next=${empty ? ' (empty form)' : ''}`,
              res,
            );
        }
      }
      expect(problems).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it(
    'lets citizens use their own account routes and refuses them (403) on every officer route',
    async () => {
      for (const route of entries.filter((r) => r.entry.access === 'signed-in' && !r.entry.mutates)) {
        const res = await call(citizen, route);
        check(notRefused(res), route, 'citizen expected to be let through', res);
      }
      for (const route of entries.filter((r) => r.entry.access !== 'public' && r.entry.access !== 'signed-in')) {
        for (const empty of forms(route)) {
          const res = await call(citizen, route, empty);
          check(
            refusedAsForbidden(res, route.url(fx).startsWith('/api/')),
            route,
            `citizen expected 403 forbidden${empty ? ' (empty form)' : ''}`,
            res,
          );
        }
      }
      expect(problems).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it(
    'refuses officers (403) on routes their role does not open, in their own unit',
    async () => {
      for (const role of officerRoles) {
        for (const route of entries.filter((r) => r.entry.access === 'officer' || Array.isArray(r.entry.access))) {
          const allowed = route.entry.access === 'officer' || (route.entry.access as readonly string[]).includes(role);
          if (allowed && route.entry.mutates) continue;
          const res = await call(kupang[role], route);
          if (allowed) check(notRefused(res), route, `${role} expected to be let through`, res);
          else
            check(
              refusedAsForbidden(res, route.url(fx).startsWith('/api/')),
              route,
              `${role} expected 403 forbidden`,
              res,
            );
        }
      }
      expect(problems).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  describe('unit scope', () => {
    const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));

    it('keeps an admin of KANIM-MAUMERE to Maumere and its posts', async () => {
      const admin = await as(await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANIM-MAUMERE' }));
      const edit = await admin.get('/admin/units/KANIM-KUPANG/edit');
      expect(edit.statusCode).toBe(403);
      expect((await admin.get('/admin/units/POS-LEMBATA/edit')).statusCode).toBe(200);
      const list = await admin.get('/admin/units');
      expect(list.body).toContain('/admin/units/POS-LEMBATA/edit');
      expect(list.body).not.toContain('/admin/units/KANIM-KUPANG/edit');

      const create = await admin.post('/admin/officers/new', officerForm(), '/admin/officers/new');
      expect(create.statusCode).toBe(403);
      expect(create.body).toContain(tId('errors.forbidden'));
      const own = await admin.post(
        '/admin/officers/new',
        { ...officerForm(), unitCode: 'KANIM-MAUMERE' },
        '/admin/officers/new',
      );
      expect(own.statusCode).toBe(303);
      expect(own.headers.location).toMatch(/^\/admin\/accounts\/[0-9a-f-]{36}$/);
      expect((await admin.get(`/admin/accounts/${fx.kupangOfficer.id}`)).statusCode).toBe(403);
      const post = await admin.post('/admin/units/KANIM-KUPANG/edit', unitForm, '/admin/units');
      expect.soft(post.statusCode).toBe(403);
      expect.soft(post.body).toContain(tId('errors.forbidden'));
      // Authorisation comes before input checks: a refused editor never sees the form again, valid input or not.
      expect
        .soft((await admin.post('/admin/units/KANIM-KUPANG/edit', { ...unitForm, address: 'X' })).statusCode)
        .toBe(403);
      expect((await ctx.app.inject({ url: '/api/v1/units/KANIM-KUPANG' })).json().name).not.toBe(unitForm.name);
    });

    it('shows a head of office only the officers of their own unit', async () => {
      const mine = await makeOfficer(ctx.db, { role: 'verifier', unitCode: 'KANIM-MAUMERE' });
      const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' }));
      expect((await head.get(`/admin/accounts/${fx.kupangOfficer.id}`)).statusCode).toBe(403);
      expect((await head.get(`/admin/accounts/${fx.citizen.id}`)).statusCode).toBe(403);
      expect((await head.get(`/admin/accounts/${mine.id}`)).statusCode).toBe(200);
      const list = await head.get('/admin/officers');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(`/admin/accounts/${mine.id}`);
      expect(list.body).not.toContain(`/admin/accounts/${fx.kupangOfficer.id}`);
      const regional = await as(await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' }));
      expect((await regional.get(`/admin/accounts/${fx.kupangOfficer.id}`)).statusCode).toBe(200);
    });
  });

  describe('second factor and API credentials', () => {
    it('sends an officer whose second factor is pending to /login/totp, and an admin without TOTP to set it up', async () => {
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const pending = `sikoe_session=${await createSession(ctx.db, { accountId: admin.id, mfaPassed: false, days: 1 })}`;
      const noTotp = await sessionCookie(
        ctx.db,
        await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT', totp: false }),
      );
      for (const url of [
        '/officer',
        '/admin/units',
        '/admin/officers',
        `/admin/accounts/${fx.kupangOfficer.id}`,
        '/account',
      ]) {
        const res = await ctx.app.inject({ url, headers: { cookie: pending } });
        expect(res.statusCode, url).toBe(303);
        expect(res.headers.location, url).toBe(`/login/totp?next=${encodeURIComponent(url)}`);
        const setup = await ctx.app.inject({ url, headers: { cookie: noTotp } });
        expect(setup.statusCode, url).toBe(303);
        expect(setup.headers.location, url).toBe('/account/totp');
      }
    });

    it('never lets a session cookie authorise an API write, and refuses a bad bearer token even on public routes', async () => {
      const del = await ctx.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/tokens/${anyId}`,
        headers: { cookie: citizen.cookie! },
      });
      expect(del.statusCode).toBe(401);
      expect(del.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      // The rule is decided on the path the router matched: an encoded "/api" is the API too.
      for (const url of ['/%61pi/v1/applications', '/%61%70%69/v1/applications', '/api/%76%31/applications']) {
        const encoded = await ctx.app.inject({
          method: 'POST',
          url,
          headers: { cookie: citizen.cookie! },
          payload: applicationBody,
        });
        expect(encoded.statusCode, url).toBe(401);
        expect(encoded.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      }
      const bad = await ctx.app.inject({ url: '/api/v1/units', headers: { authorization: 'Bearer not-a-token' } });
      expect(bad.statusCode).toBe(401);
      const me = await ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${citizen.bearer}` } });
      expect(me.json()).toMatchObject({ id: fx.citizen.id, kind: 'citizen' });
    });
  });
});
