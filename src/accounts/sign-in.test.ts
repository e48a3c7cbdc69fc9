import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { PASSWORD, makeCitizen, makeOfficer, uniqueEmail } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { accounts } from '../platform/auth/schema.ts';
import { accountByEmail, auditFor, sessionCookieFrom, signedInBrowser, withoutCsrf } from './test-support.ts';

describeApp('sign-in', (ctx) => {
  it('sets an HttpOnly, SameSite=Lax session cookie without Secure on plain http, and the session works', async () => {
    const citizen = await makeCitizen(ctx.db);
    const { browser, res } = await signedInBrowser(ctx.app, citizen.email, PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = sessionCookieFrom(res)!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
    const me = await browser.get('/api/v1/me');
    expect(me.json()).toMatchObject({ id: citizen.id, email: citizen.email });
    expect(await auditFor(ctx.db, citizen.id, 'auth.sign_in')).toHaveLength(1);

    const out = await browser.post('/logout', {});
    expect(out.statusCode).toBe(303);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('sends officers to their home page after signing in', async () => {
    const officer = await makeOfficer(ctx.db);
    const { res } = await signedInBrowser(ctx.app, officer.email, PASSWORD);
    expect(res.headers.location).toBe('/officer');
  });

  it('follows `next` only to paths on this site', async () => {
    const citizen = await makeCitizen(ctx.db);
    const cases: [string, string][] = [
      ['/account?tab=tokens', '/account?tab=tokens'],
      ['https://evil.example/', '/'],
      ['//evil.example/x', '/'],
      ['/\\evil.example', '/'],
      ['/\t/evil.example', '/'],
      ['/\n/evil.example', '/'],
      ['javascript:alert(1)', '/'],
    ];
    for (const [next, expected] of cases) {
      const { res } = await signedInBrowser(ctx.app, citizen.email, PASSWORD, next);
      expect(res.statusCode, next).toBe(303);
      expect(res.headers.location, JSON.stringify(next)).toBe(expected);
    }
    const page = await ctx.app.inject({ url: `/login?next=${encodeURIComponent('//evil.example')}` });
    expect(page.body).toContain('action="/login?next=%2F"');
  });

  it('refuses a wrong password and an unknown address alike, without a session', async () => {
    const citizen = await makeCitizen(ctx.db);
    const wrong = await new Browser(ctx.app).post('/login', { email: citizen.email, password: 'not the password' }, '/login');
    const unknown = await new Browser(ctx.app).post('/login', { email: uniqueEmail('nobody'), password: 'not the password' }, '/login');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('Email atau kata sandi salah.');
    const strip = (html: string, email: string) => withoutCsrf(html).replace(email, 'X');
    expect(strip(wrong.body, citizen.email)).toBe(strip(unknown.body, /value="([^"]+@test\.sikoe\.id)"/.exec(unknown.body)![1]!));
    expect(sessionCookieFrom(wrong)).toBeUndefined();

    const apiWrong = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: citizen.email, password: 'not the password' } });
    const apiUnknown = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: uniqueEmail('nobody'), password: 'x' } });
    expect(apiWrong.statusCode).toBe(401);
    expect(apiWrong.json()).toEqual(apiUnknown.json());
    expect(apiWrong.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('refuses a disabled account like a wrong password', async () => {
    const citizen = await makeCitizen(ctx.db, { disabledAt: new Date() });
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: citizen.email, password: PASSWORD } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
  });

  it('locks the account after too many wrong passwords, even for the right one, and audits each failure', async () => {
    const citizen = await makeCitizen(ctx.db);
    const max = ctx.config.loginMaxFailures;
    for (let i = 0; i < max; i++) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: citizen.email, password: `wrong ${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const api = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: citizen.email, password: PASSWORD } });
    expect(api.statusCode).toBe(423);
    expect(api.json().error.code).toBe('account_locked');
    const page = await new Browser(ctx.app).post('/login', { email: citizen.email, password: PASSWORD }, '/login');
    expect(page.statusCode).toBe(423);
    expect(page.body).toContain('Akun dikunci sementara');
    expect(sessionCookieFrom(page)).toBeUndefined();

    const failures = await auditFor(ctx.db, citizen.id, 'auth.sign_in_failed');
    expect(failures).toHaveLength(max);
    expect(failures.at(-1)!.details).toMatchObject({ failures: max, locked: true });
    const [row] = await accountByEmail(ctx.db, citizen.email);
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it('counts afresh after a lock has expired and locks again after as many failures', async () => {
    const citizen = await makeCitizen(ctx.db);
    const max = ctx.config.loginMaxFailures;
    await ctx.db.update(accounts).set({ failedLogins: max, lockedUntil: new Date(Date.now() - 60_000) }).where(eq(accounts.id, citizen.id));
    for (let i = 0; i < max; i++) {
      await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: citizen.email, password: 'wrong' } });
    }
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: citizen.email, password: PASSWORD } });
    expect(res.statusCode).toBe(423);
    const [row] = await accountByEmail(ctx.db, citizen.email);
    expect(row!.failedLogins).toBe(max);
  });

  it('clears the failure count after a successful sign-in, by form and by API', async () => {
    const citizen = await makeCitizen(ctx.db);
    const max = ctx.config.loginMaxFailures;
    for (const signIn of [
      () => signedInBrowser(ctx.app, citizen.email, PASSWORD).then((r) => r.res),
      () => ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: citizen.email, password: PASSWORD } }),
    ]) {
      for (let i = 0; i < max - 1; i++) {
        await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: citizen.email, password: 'wrong' } });
      }
      expect((await signIn()).statusCode).toBeLessThan(400);
      const [row] = await accountByEmail(ctx.db, citizen.email);
      expect(row!.failedLogins).toBe(0);
    }
  });

  it('refuses bad sign-in input per field, in the user language', async () => {
    const res = await new Browser(ctx.app).post('/login', { email: 'nope', password: '' }, '/login');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="error" id="f-email-error">Masukkan alamat email yang benar');
    expect(res.body).toContain('<p class="error" id="f-password-error">Wajib diisi.');
    const enBrowser = new Browser(ctx.app);
    await enBrowser.get('/login');
    const enPost = await enBrowser.request({ method: 'POST', url: '/login', form: { email: 'nope', password: '' }, headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(enPost.body).toContain('lang="en"');
    expect(enPost.statusCode).toBe(422);
    expect(enPost.body).toContain('<p class="error" id="f-email-error">Enter a valid email address');
    expect(enPost.body).toContain('<p class="error" id="f-password-error">Required.');
    const api = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: 'nope', password: 'x'.repeat(201), totp: '12ab' }, headers: { 'accept-language': 'en' } });
    expect(api.statusCode).toBe(422);
    expect(api.json().error.fields).toEqual({ email: expect.stringContaining('Enter a valid email'), password: 'Too long.', totp: 'Enter 6 digits.' });
    const longName = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: uniqueEmail(), password: 'x', name: 'n'.repeat(81) } });
    expect(longName.json().error.fields).toEqual({ name: 'Terlalu panjang.' });
  });
});

describeApp(
  'sign-in behind https',
  (ctx) => {
    it('marks the session cookie Secure', async () => {
      const citizen = await makeCitizen(ctx.db);
      const { res } = await signedInBrowser(ctx.app, citizen.email, PASSWORD);
      expect(res.statusCode).toBe(303);
      const cookie = sessionCookieFrom(res)!;
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
    });
  },
  { publicUrl: 'https://x', secureCookies: true },
);
