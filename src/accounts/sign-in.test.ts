import crypto from 'node:crypto';
import { eq, inArray, like } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { PASSWORD, makeCitizen, makeOfficer, sessionCookie, uniqueEmail } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { challengeIn, formTokenIn, solveAltcha } from '../../test/proof.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { signInFailures } from './schema.ts';
import { addressKeyOf } from './sign-in-throttle.ts';
import { auditFor, sessionCookieFrom, signedInBrowser, withoutCsrf } from './test-support.ts';

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

  it('sends officers to their home page once the second factor is given', async () => {
    const officer = await makeOfficer(ctx.db);
    const { browser, res } = await signedInBrowser(ctx.app, officer.email, PASSWORD);
    expect(res.headers.location).toBe('/login/totp?next=%2F');
    const code = await browser.post(
      '/login/totp?next=%2F',
      { code: totpCode(officer.totpSecret!) },
      '/login/totp?next=%2F',
    );
    expect(code.headers.location).toBe('/officer');
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
    const wrong = await new Browser(ctx.app).post(
      '/login',
      { email: citizen.email, password: 'not the password' },
      '/login',
    );
    const unknown = await new Browser(ctx.app).post(
      '/login',
      { email: uniqueEmail('nobody'), password: 'not the password' },
      '/login',
    );
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('Email atau kata sandi salah.');
    const strip = (html: string, email: string) => withoutCsrf(html).replace(email, 'X');
    expect(strip(wrong.body, citizen.email)).toBe(
      strip(unknown.body, /value="([^"]+@test\.sikoe\.id)"/.exec(unknown.body)![1]!),
    );
    expect(sessionCookieFrom(wrong)).toBeUndefined();

    const apiWrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: citizen.email, password: 'not the password' },
    });
    const apiUnknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: uniqueEmail('nobody'), password: 'x' },
    });
    expect(apiWrong.statusCode).toBe(401);
    expect(apiWrong.json()).toEqual(apiUnknown.json());
    expect(apiWrong.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('refuses a disabled account like a wrong password', async () => {
    const citizen = await makeCitizen(ctx.db, { disabledAt: new Date() });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: citizen.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
  });

  const token = (email: string, password: string, ip: string) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password }, remoteAddress: ip });
  const ipOf = (n: number) => `10.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 200)}.${n}`;

  it('slows a client down after too many wrong passwords, never locking the owner out, and says nothing about whether the account exists', async () => {
    const citizen = await makeCitizen(ctx.db);
    const nobody = uniqueEmail('nobody');
    const { freeFailures } = ctx.config.signInThrottle;
    const attacker = ipOf(1);
    for (const email of [citizen.email, nobody]) {
      for (let i = 0; i < freeFailures; i++) expect((await token(email, `wrong ${i}`, attacker)).statusCode).toBe(401);
    }
    // The next try from that client waits, even with the right password; a wrong one for no account waits alike.
    const slowed = await token(citizen.email, PASSWORD, attacker);
    const slowedNobody = await token(nobody, 'wrong again', attacker);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json()).toMatchObject({ error: { code: 'sign_in_throttled' } });
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(slowedNobody.statusCode).toBe(429);
    expect(slowedNobody.json()).toEqual(slowed.json());
    const page = await new Browser(ctx.app, attacker).post(
      '/login',
      { email: citizen.email, password: PASSWORD },
      '/login',
    );
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('Terlalu banyak percobaan yang gagal dari perangkat ini');
    expect(sessionCookieFrom(page)).toBeUndefined();

    // The owner, on their own phone, is not held up by the stranger.
    expect((await token(citizen.email, PASSWORD, ipOf(2))).statusCode).toBe(200);
    const failures = await auditFor(ctx.db, citizen.id, 'auth.sign_in_failed');
    expect(failures.map((f) => f.details.failures)).toEqual(Array.from({ length: freeFailures }, (_, i) => i + 1));
  });

  it('waits longer after each further failure, up to the maximum', async () => {
    const citizen = await makeCitizen(ctx.db);
    const { freeFailures, maxDelayMinutes } = ctx.config.signInThrottle;
    const ip = ipOf(3);
    const waits: number[] = [];
    // Each round: the wait is skipped (as if it had passed), one more wrong password, then a look at the new wait.
    for (let i = 0; i < freeFailures + 11; i++) {
      // Only this client's wait: the address's own count would ask for a proof of work after a while.
      await ctx.db
        .update(signInFailures)
        .set({ waitUntil: null })
        .where(like(signInFailures.key, `%|${ip}`));
      await ctx.db
        .update(signInFailures)
        .set({ failures: 0 })
        .where(eq(signInFailures.key, addressKeyOf(citizen.email)));
      expect((await token(citizen.email, 'wrong', ip)).statusCode).toBe(401);
      const res = await token(citizen.email, 'wrong', ip);
      if (res.statusCode === 429) waits.push(Number(res.headers['retry-after']));
    }
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(waits.at(-1)).toBe(maxDelayMinutes * 60);
    expect(waits.every((w, i) => i === 0 || w >= waits[i - 1]!)).toBe(true);
  });

  it('asks for a proof of work once an address has failed from many clients, and lets the owner in with it', async () => {
    const citizen = await makeCitizen(ctx.db);
    const { proofAfter } = ctx.config.signInThrottle;
    for (let i = 0; i < proofAfter; i++) await token(citizen.email, 'guess', ipOf(10 + i));

    const api = await token(citizen.email, PASSWORD, ipOf(99));
    expect(api.statusCode).toBe(429);
    expect(api.json()).toMatchObject({ error: { code: 'proof_required' } });

    const browser = new Browser(ctx.app);
    const asked = await browser.post('/login', { email: citizen.email, password: PASSWORD }, '/login');
    expect(asked.statusCode).toBe(422);
    expect(asked.body).toContain('<altcha-widget');
    expect(sessionCookieFrom(asked)).toBeUndefined();
    const formToken = formTokenIn(asked.body);
    const altcha = await solveAltcha(challengeIn(asked.body));
    const wrongPassword = await browser.request({
      method: 'POST',
      url: '/login',
      form: { email: citizen.email, password: 'still guessing', formToken, altcha },
    });
    expect(wrongPassword.statusCode).toBe(401);
    const next = await solveAltcha(challengeIn(wrongPassword.body));
    const signedIn = await browser.request({
      method: 'POST',
      url: '/login',
      form: { email: citizen.email, password: PASSWORD, formToken: formTokenIn(wrongPassword.body), altcha: next },
    });
    expect(signedIn.statusCode).toBe(303);
    expect(sessionCookieFrom(signedIn)).toBeDefined();
    // Signing in cleared the address's count: the next sign-in needs no proof.
    expect((await token(citizen.email, PASSWORD, ipOf(98))).statusCode).toBe(200);
  });

  it('ends a half-open session at a wrong code while the address is under attack, so each code guess costs a password and its proof', async () => {
    const officer = await makeOfficer(ctx.db, { role: 'verifier' });
    const browser = new Browser(ctx.app);
    expect(
      (await browser.post('/login', { email: officer.email, password: PASSWORD }, '/login')).headers.location,
    ).toBe('/login/totp?next=%2F');
    // A wrong code before any attack is just refused: the form is shown again.
    expect((await browser.post('/login/totp?next=%2F', { code: '000001' }, '/login/totp?next=%2F')).statusCode).toBe(
      422,
    );
    for (let i = 0; i < ctx.config.signInThrottle.proofAfter; i++) await token(officer.email, 'guess', ipOf(40 + i));

    const wrong = await browser.post('/login/totp?next=%2F', { code: '000002' }, '/login/totp?next=%2F');
    expect(wrong.statusCode).toBe(303);
    expect(wrong.headers.location).toMatch(/^\/login\?next=.*&ended=1$/);
    const again = await browser.get('/login/totp?next=%2F');
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toMatch(/^\/login\?/);
  });

  it('forgets counts no longer in force as new failures come in', async () => {
    const stale = {
      key: `test-stale-${crypto.randomUUID()}`,
      failures: 7,
      lastFailedAt: new Date(Date.now() - 2 * 86_400_000),
    };
    const waiting = { ...stale, key: `test-waiting-${crypto.randomUUID()}`, waitUntil: new Date(Date.now() + 600_000) };
    await ctx.db.insert(signInFailures).values([stale, waiting]);
    expect((await token(uniqueEmail('spray'), 'guess', ipOf(77))).statusCode).toBe(401);
    const left = await ctx.db
      .select({ key: signInFailures.key })
      .from(signInFailures)
      .where(inArray(signInFailures.key, [stale.key, waiting.key]));
    expect(left.map((r) => r.key)).toEqual([waiting.key]);
  });

  it('lets an admin clear the slow-down on an account in scope, audited', async () => {
    const officer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
    const ip = ipOf(4);
    for (let i = 0; i < ctx.config.signInThrottle.freeFailures; i++) await token(officer.email, 'wrong', ip);
    expect((await token(officer.email, PASSWORD, ip)).statusCode).toBe(429);
    const admin = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' })),
    );
    const record = await admin.get(`/admin/accounts/${officer.id}`);
    expect(record.body).toContain(`/admin/accounts/${officer.id}/sign-in-failures/clear`);
    const head = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' })),
    );
    const refused = await head.post(
      `/admin/accounts/${officer.id}/sign-in-failures/clear`,
      {},
      `/admin/accounts/${officer.id}`,
    );
    expect(refused.statusCode).toBe(403);
    const cleared = await admin.post(`/admin/accounts/${officer.id}/sign-in-failures/clear`, {});
    expect(cleared.headers.location).toBe(`/admin/accounts/${officer.id}?cleared=1`);
    expect(await auditFor(ctx.db, officer.id, 'auth.sign_in_failures_cleared')).toHaveLength(1);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: officer.email, password: PASSWORD, totp: totpCode(officer.totpSecret!) },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses bad sign-in input per field, in the user language', async () => {
    const res = await new Browser(ctx.app).post('/login', { email: 'nope', password: '' }, '/login');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="error" id="f-email-error">Masukkan alamat email yang benar');
    expect(res.body).toContain('<p class="error" id="f-password-error">Wajib diisi.');
    const enBrowser = new Browser(ctx.app);
    await enBrowser.get('/login');
    const enPost = await enBrowser
      .setCookie('lang=en')
      .request({ method: 'POST', url: '/login', form: { email: 'nope', password: '' } });
    expect(enPost.body).toContain('lang="en"');
    expect(enPost.statusCode).toBe(422);
    expect(enPost.body).toContain('<p class="error" id="f-email-error">Enter a valid email address');
    expect(enPost.body).toContain('<p class="error" id="f-password-error">Required.');
    const api = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: 'nope', password: 'x'.repeat(201), totp: '12ab' },
      headers: { 'accept-language': 'en' },
    });
    expect(api.statusCode).toBe(422);
    expect(api.json().error.fields).toEqual({
      email: expect.stringContaining('Enter a valid email'),
      password: 'Too long.',
      totp: 'Enter 6 digits.',
    });
    const longName = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: uniqueEmail(), password: 'x', name: 'n'.repeat(81) },
    });
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
