import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp, type AppContext } from '../../test/db.ts';
import { PASSWORD, makeCitizen, sessionCookie, uniqueEmail } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { accounts, emailTokens } from '../platform/auth/schema.ts';
import { MAIL_LIMITS } from '../platform/mail/mailer.ts';
import { createApiToken } from './api-tokens.ts';
import { recentSignInFailures } from './sign-in-throttle.ts';
import { accountByEmail, auditFor, queuedMailCount, signedInBrowser, withoutCsrf } from './test-support.ts';
import { linkIn, mailsTo } from '../../test/mail.ts';

const NEW_PASSWORD = 'a brand new passphrase';

async function requestLink(ctx: AppContext, email: string, count = 1): Promise<string> {
  const res = await new Browser(ctx.app).post('/password/forgot', { email }, '/password/forgot');
  expect(res.statusCode).toBe(200);
  const mails = await mailsTo(ctx, email, count);
  expect(mails[count - 1]!.subject).toBe('Buat kata sandi baru Sikoe');
  return linkIn(mails[count - 1]!, '/password/reset');
}

const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

describeApp('password reset', (ctx) => {
  it('answers the same for a registered and an unknown address, and mails only the registered one', async () => {
    const citizen = await makeCitizen(ctx.db);
    const unknown = uniqueEmail('unknown');
    const known = await new Browser(ctx.app).post('/password/forgot', { email: citizen.email }, '/password/forgot');
    const other = await new Browser(ctx.app).post('/password/forgot', { email: unknown }, '/password/forgot');
    expect(known.statusCode).toBe(200);
    expect(other.statusCode).toBe(200);
    expect(known.body).toContain('Jika alamat itu terdaftar');
    expect(withoutCsrf(known.body)).toBe(withoutCsrf(other.body));
    expect(await queuedMailCount(ctx.db, citizen.email)).toBe(1);
    expect(await queuedMailCount(ctx.db, unknown)).toBe(0);
  });

  it('sets a new password through the mailed link, ends old sessions and API tokens, and cannot be used twice', async () => {
    const citizen = await makeCitizen(ctx.db);
    const oldSession = await signedInBrowser(ctx.app, citizen.email, PASSWORD);
    expect((await oldSession.browser.get('/api/v1/me')).statusCode).toBe(200);
    const factorySession = await sessionCookie(ctx.db, citizen);
    const { token: apiToken } = await ctx.db.transaction((tx) =>
      createApiToken(tx, systemCaller('test'), citizen.id, 'phone app'),
    );
    const bearer = { authorization: `Bearer ${apiToken}` };
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);

    const link = await requestLink(ctx, citizen.email);
    const browser = new Browser(ctx.app);
    const form = await browser.get(link);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="token" value="${tokenOf(link)}"`);
    const done = await browser.post('/password/reset', { token: tokenOf(link), password: NEW_PASSWORD });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Kata sandi baru sudah disimpan');

    expect((await oldSession.browser.get('/api/v1/me')).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: { cookie: factorySession } })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
    expect((await signedInBrowser(ctx.app, citizen.email, PASSWORD)).res.statusCode).toBe(401);
    expect((await signedInBrowser(ctx.app, citizen.email, NEW_PASSWORD)).res.statusCode).toBe(303);
    expect(await auditFor(ctx.db, citizen.id, 'account.password_reset')).toHaveLength(1);

    const reused = await new Browser(ctx.app).post(
      '/password/reset',
      { token: tokenOf(link), password: 'yet another passphrase' },
      link,
    );
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain('Tautan tidak berlaku atau sudah dipakai.');
    expect((await signedInBrowser(ctx.app, citizen.email, NEW_PASSWORD)).res.statusCode).toBe(303);
  });

  it('makes every other outstanding reset link useless once one has been used', async () => {
    const citizen = await makeCitizen(ctx.db);
    const first = await requestLink(ctx, citizen.email, 1);
    const second = await requestLink(ctx, citizen.email, 2);
    expect(first).not.toBe(second);
    expect(
      (await new Browser(ctx.app).post('/password/reset', { token: tokenOf(second), password: NEW_PASSWORD }, second))
        .statusCode,
    ).toBe(200);
    const stale = await new Browser(ctx.app).post(
      '/password/reset',
      { token: tokenOf(first), password: 'an attacker passphrase' },
      first,
    );
    expect(stale.statusCode).toBe(400);
    expect((await signedInBrowser(ctx.app, citizen.email, NEW_PASSWORD)).res.statusCode).toBe(303);
  });

  it('lifts the slow-down after failed sign-ins from every device', async () => {
    const citizen = await makeCitizen(ctx.db);
    for (let i = 0; i < ctx.config.signInThrottle.proofAfter; i++) {
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: { email: citizen.email, password: 'guess' },
        remoteAddress: `10.9.9.${i}`,
      });
    }
    expect(await recentSignInFailures(ctx.db, citizen.email)).toBe(ctx.config.signInThrottle.proofAfter);
    const link = await requestLink(ctx, citizen.email);
    await new Browser(ctx.app).post('/password/reset', { token: tokenOf(link), password: NEW_PASSWORD }, link);
    expect(await recentSignInFailures(ctx.db, citizen.email)).toBe(0);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/auth/token',
          payload: { email: citizen.email, password: NEW_PASSWORD },
          remoteAddress: '10.9.9.1',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('mails only verified addresses: an unproved one gets its verification link again, not a reset link', async () => {
    const citizen = await makeCitizen(ctx.db, { emailVerifiedAt: null });
    const res = await new Browser(ctx.app).post('/password/forgot', { email: citizen.email }, '/password/forgot');
    expect(res.statusCode).toBe(200);
    const [mail] = await mailsTo(ctx, citizen.email, 1);
    expect(mail!.subject).toBe('Verifikasi email akun Sikoe Anda');
    expect(
      await ctx.db.$count(emailTokens, and(eq(emailTokens.accountId, citizen.id), eq(emailTokens.purpose, 'reset'))),
    ).toBe(0);
    await new Browser(ctx.app).get(linkIn(mail!, '/verify'));
    expect((await accountByEmail(ctx.db, citizen.email))[0]!.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await requestLink(ctx, citizen.email, 2)).toContain('/password/reset?token=');
  });

  it('sends one address at most three reset mails an hour, however often it is asked', async () => {
    const citizen = await makeCitizen(ctx.db);
    for (let i = 0; i < 8; i++) {
      const res = await new Browser(ctx.app).post('/password/forgot', { email: citizen.email }, '/password/forgot');
      expect(res.statusCode).toBe(200);
    }
    expect(await queuedMailCount(ctx.db, citizen.email)).toBe(MAIL_LIMITS.sameKindPerHour);
  });

  it('refuses a bad new password or a bad address per field, changing nothing', async () => {
    const citizen = await makeCitizen(ctx.db);
    const link = await requestLink(ctx, citizen.email);
    const browser = new Browser(ctx.app);
    await browser.get(link);
    for (const [password, id, en] of [
      ['short', 'Kata sandi minimal 10 karakter.', 'The password needs at least 10 characters.'],
      ['x'.repeat(201), 'Terlalu panjang.', 'Too long.'],
    ]) {
      const res = await browser.post('/password/reset', { token: tokenOf(link), password: password! });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(`<p class="error" id="f-password-error">${id}</p>`);
      expect(res.body).toContain(`name="token" value="${tokenOf(link)}"`);
      const english = await browser
        .setCookie('lang=en')
        .request({ method: 'POST', url: '/password/reset', form: { token: tokenOf(link), password: password! } });
      browser.setCookie('lang=id');
      expect(english.body).toContain(`<p class="error" id="f-password-error">${en}</p>`);
    }
    const [row] = await ctx.db.select().from(accounts).where(eq(accounts.id, citizen.id));
    expect(row!.passwordHash).toBe(citizen.passwordHash);
    const noToken = await browser.post('/password/reset', { token: '', password: NEW_PASSWORD });
    expect(noToken.statusCode).toBe(422);
    // The link still works after the refusals.
    expect((await browser.post('/password/reset', { token: tokenOf(link), password: NEW_PASSWORD })).statusCode).toBe(
      200,
    );

    const forgot = new Browser(ctx.app);
    await forgot.get('/password/forgot');
    for (const [email, id] of [
      ['', 'Wajib diisi.'],
      ['no-at-sign', 'Masukkan alamat email yang benar'],
      [`${'x'.repeat(250)}@test.sikoe.id`, 'Terlalu panjang.'],
    ] as const) {
      const res = await forgot.post('/password/forgot', { email });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(`<p class="error" id="f-email-error">${id}`);
    }
    expect(await queuedMailCount(ctx.db, 'no-at-sign')).toBe(0);
  });

  it('refuses a link after its hour is up', async () => {
    const citizen = await makeCitizen(ctx.db);
    const link = await requestLink(ctx, citizen.email);
    await ctx.db
      .update(emailTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailTokens.accountId, citizen.id));
    const res = await new Browser(ctx.app).post(
      '/password/reset',
      { token: tokenOf(link), password: NEW_PASSWORD },
      link,
    );
    expect(res.statusCode).toBe(400);
    expect((await accountByEmail(ctx.db, citizen.email))[0]!.passwordHash).toBe(citizen.passwordHash);
  });

  it('refuses an unknown link when opened and when submitted', async () => {
    const res = await new Browser(ctx.app).post(
      '/password/reset',
      { token: 'not-a-real-token', password: NEW_PASSWORD },
      '/password/forgot',
    );
    expect(res.statusCode).toBe(400);
    expect((await ctx.app.inject({ url: '/password/reset' })).statusCode).toBe(422);
  });
});
