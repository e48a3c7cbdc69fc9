import { expect, it } from 'vitest';
import { describeApp, type AppContext } from '../../test/db.ts';
import { PASSWORD, makeCitizen, makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { recentSignInFailures } from './sign-in-throttle.ts';
import { accountByEmail, auditFor, sessionCookieFrom, signedInBrowser } from './test-support.ts';

/** A well-formed code that is not valid now (nor one step either side). */
function wrongCode(secret: string): string {
  const valid = new Set([-30_000, 0, 30_000].map((d) => totpCode(secret, Date.now() + d)));
  let n = Number(totpCode(secret));
  let code: string;
  do code = String((n = (n + 123_457) % 1_000_000)).padStart(6, '0');
  while (valid.has(code));
  return code;
}

const token = (ctx: AppContext, payload: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload });

describeApp('two-step sign-in (TOTP)', (ctx) => {
  it('holds an officer with TOTP at /login/totp until the right code is given, then gives the session a new id', async () => {
    const officer = await makeOfficer(ctx.db, { totp: true });
    const { browser, res } = await signedInBrowser(ctx.app, officer.email, PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login/totp?next=%2F');
    const beforeCode = sessionCookieFrom(res)!.split(';')[0]!;

    for (const url of ['/officer', '/account', '/admin/officers']) {
      const held = await browser.get(url);
      expect(held.statusCode, url).toBe(303);
      expect(held.headers.location).toBe(`/login/totp?next=${encodeURIComponent(url)}`);
    }
    const api = await browser.get('/api/v1/me');
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('mfa_required');

    expect((await browser.get('/login/totp?next=%2Faccount')).statusCode).toBe(200);
    const bad = await browser.post('/login/totp?next=%2Faccount', { code: wrongCode(officer.totpSecret!) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Kode salah atau sudah kedaluwarsa');
    expect((await browser.get('/officer')).statusCode).toBe(303);
    expect(await recentSignInFailures(ctx.db, officer.email)).toBe(1);
    expect(await auditFor(ctx.db, officer.id, 'auth.totp_failed')).toHaveLength(1);

    const malformed = await browser.post('/login/totp', { code: '12ab56' }, '/login/totp');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.body).toContain('<p class="error" id="f-code-error">Masukkan 6 angka.');
    expect(await recentSignInFailures(ctx.db, officer.email)).toBe(1);

    const ok = await browser.post(
      '/login/totp?next=%2Faccount',
      { code: totpCode(officer.totpSecret!) },
      '/login/totp?next=%2Faccount',
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/account');
    expect((await browser.get('/officer')).statusCode).toBe(200);
    expect(await recentSignInFailures(ctx.db, officer.email)).toBe(0);
    expect(await auditFor(ctx.db, officer.id, 'auth.totp_passed')).toHaveLength(1);
    // The id the session had before the code opens nothing now (no session fixation).
    const afterCode = sessionCookieFrom(ok)!.split(';')[0]!;
    expect(afterCode).not.toBe(beforeCode);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: { cookie: beforeCode } })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: { cookie: afterCode } })).statusCode).toBe(200);
  });

  it('slows down wrong codes like wrong passwords, even across fresh sign-ins', async () => {
    const officer = await makeOfficer(ctx.db, { totp: true });
    const max = ctx.config.signInThrottle.freeFailures;
    let browser: Browser | undefined;
    for (let i = 0; i < max; i++) {
      // Signing in again with the right password must not wipe the count of wrong codes.
      if (i % 2 === 0) browser = (await signedInBrowser(ctx.app, officer.email, PASSWORD)).browser;
      const res = await browser!.post('/login/totp', { code: wrongCode(officer.totpSecret!) }, '/login/totp');
      expect(res.statusCode).toBe(422);
    }
    const right = await browser!.post('/login/totp', { code: totpCode(officer.totpSecret!) }, '/login/totp');
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Terlalu banyak percobaan yang gagal dari perangkat ini');
    expect((await browser!.get('/officer')).statusCode).toBe(303);
    const again = await signedInBrowser(ctx.app, officer.email, PASSWORD);
    expect(again.res.statusCode).toBe(429);
    expect(await auditFor(ctx.db, officer.id, 'auth.totp_failed')).toHaveLength(max);
  });

  for (const role of ['admin', 'counter_officer', 'partner'] as const) {
    it(`makes an officer without TOTP (${role}) set it up before any officer page, then lets them in`, async () => {
      await enrolsBeforeWork(role);
    });
  }

  async function enrolsBeforeWork(role: 'admin' | 'counter_officer' | 'partner') {
    const admin = await makeOfficer(ctx.db, {
      role,
      totp: false,
      unitCode: role === 'admin' ? 'KANWIL-NTT' : 'KANIM-KUPANG',
    });
    const { browser, res } = await signedInBrowser(ctx.app, admin.email, PASSWORD);
    expect(res.headers.location).toBe('/account/totp');
    for (const url of ['/officer', '/admin/officers', '/officer/work', '/account']) {
      const forced = await browser.get(url);
      expect(forced.statusCode, url).toBe(303);
      expect(forced.headers.location).toBe('/account/totp');
    }
    const page = await browser.get('/account/totp');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Setiap petugas wajib memakai verifikasi dua langkah');
    const secret = /<code class="token">([A-Z2-7]+)<\/code>/.exec(page.body)![1]!;
    const [pending] = await accountByEmail(ctx.db, admin.email);
    expect(pending).toMatchObject({ totpSecret: secret, totpEnabledAt: null });

    const wrong = await browser.post('/account/totp', { code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain(secret);
    const malformed = await browser.post('/account/totp', { code: '' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.body).toContain('Masukkan 6 angka.');
    expect((await accountByEmail(ctx.db, admin.email))[0]!.totpEnabledAt).toBeNull();

    const ok = await browser.post('/account/totp', { code: totpCode(secret) });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/officer');
    expect(sessionCookieFrom(ok)).toBeDefined(); // the session got its second factor, and a new id
    expect((await browser.get('/officer')).statusCode).toBe(200);
    if (role === 'admin') expect((await browser.get('/admin/officers')).statusCode).toBe(200);
    expect((await accountByEmail(ctx.db, admin.email))[0]!.totpEnabledAt).toBeInstanceOf(Date);
    expect(await auditFor(ctx.db, admin.id, 'auth.totp_enabled')).toHaveLength(1);

    // Next time, the code is asked for at sign-in.
    const next = await signedInBrowser(ctx.app, admin.email, PASSWORD);
    expect(next.res.headers.location).toBe('/login/totp?next=%2F');
  }

  it('does not offer TOTP set-up to citizens, nor a second set-up to an officer who has it', async () => {
    const citizen = await makeCitizen(ctx.db);
    const asCitizen = { cookie: await sessionCookie(ctx.db, citizen) };
    expect((await ctx.app.inject({ url: '/account/totp', headers: asCitizen })).statusCode).toBe(403);
    const officer = await makeOfficer(ctx.db, { totp: true });
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    expect((await browser.get('/account/totp')).statusCode).toBe(409);
    await browser.get('/account');
    const res = await browser.post('/account/totp', { code: totpCode(officer.totpSecret!) });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('text/html');
    const [row] = await accountByEmail(ctx.db, officer.email);
    expect(row!.totpSecret).toBe(officer.totpSecret);
  });

  it('asks API clients of officers with TOTP for the code', async () => {
    const officer = await makeOfficer(ctx.db, { totp: true });
    const missing = await token(ctx, { email: officer.email, password: PASSWORD });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('mfa_required');
    const wrong = await token(ctx, { email: officer.email, password: PASSWORD, totp: wrongCode(officer.totpSecret!) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({
      code: 'invalid_totp',
      fields: { totp: 'Kode salah atau sudah kedaluwarsa. Coba kode yang baru.' },
    });
    expect(await recentSignInFailures(ctx.db, officer.email)).toBe(1);
    const malformed = await token(ctx, { email: officer.email, password: PASSWORD, totp: '1234567' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.fields).toEqual({ totp: 'Masukkan 6 angka.' });

    const ok = await token(ctx, { email: officer.email, password: PASSWORD, totp: totpCode(officer.totpSecret!) });
    expect(ok.statusCode).toBe(200);
    const me = await ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${ok.json().token}` } });
    expect(me.json()).toMatchObject({ id: officer.id, role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
    expect(await recentSignInFailures(ctx.db, officer.email)).toBe(0);

    for (const role of ['admin', 'verifier'] as const) {
      const unenrolled = await makeOfficer(ctx.db, { role, totp: false });
      const setup = await token(ctx, { email: unenrolled.email, password: PASSWORD });
      expect(setup.statusCode).toBe(403);
      expect(setup.json().error.code).toBe('mfa_setup_required');
    }
  });

  it('refuses the code step without a pending sign-in', async () => {
    const anon = new Browser(ctx.app);
    const res = await anon.get('/login/totp');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/login\?next=/);
    // Even with bad input: there is no pending sign-in whose form could be shown again.
    for (const [url, form] of [
      ['/login/totp', { code: 'x' }],
      ['/account/totp', { code: '' }],
      ['/account/tokens', { name: '' }],
    ] as const) {
      const bad = await anon.post(url, form, '/login');
      expect(bad.statusCode, url).toBe(303);
      expect(bad.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
    const citizen = await makeCitizen(ctx.db);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, citizen));
    const post = await browser.post('/login/totp', { code: '123456' }, '/login/totp');
    expect(post.statusCode).toBe(409);
  });
});
