import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, uniqueEmail } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { accountByEmail, auditFor, queuedMailCount, withoutCsrf } from './test-support.ts';
import { linkIn, mailsTo } from '../../test/mail.ts';

const PASSWORD = 'a long enough secret';

describeApp('citizen sign-up', (ctx) => {
  it('signs up by form, refuses sign-in until the mailed link is opened, then signs in', async () => {
    const email = uniqueEmail('signup');
    const browser = new Browser(ctx.app);
    const page = await browser.get('/signup');
    expect(page.statusCode).toBe(200);
    const res = await browser.post('/signup', { name: 'Maria Bria', email: email.toUpperCase(), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Kami mengirim tautan verifikasi ke ${email}`);

    const [account] = await accountByEmail(ctx.db, email);
    expect(account).toMatchObject({ kind: 'citizen', name: 'Maria Bria', role: null, emailVerifiedAt: null });
    expect(account!.passwordHash).not.toContain(PASSWORD);
    expect(await auditFor(ctx.db, account!.id, 'account.register')).toHaveLength(1);

    const early = await new Browser(ctx.app).post('/login', { email, password: PASSWORD }, '/login');
    expect(early.statusCode).toBe(403);
    expect(early.body).toContain('Email Anda belum diverifikasi');
    expect(early.headers['set-cookie']?.toString() ?? '').not.toContain('sikoe_session=');

    const [mail] = await mailsTo(ctx, email);
    expect(mail!.subject).toBe('Verifikasi email akun Sikoe Anda');
    const link = linkIn(mail!, '/verify');
    const verified = await ctx.app.inject({ url: link });
    expect(verified.statusCode).toBe(200);
    expect(verified.body).toContain('Akun Anda sudah aktif');
    const [after] = await accountByEmail(ctx.db, email);
    expect(after!.emailVerifiedAt).toBeInstanceOf(Date);

    const again = await ctx.app.inject({ url: link });
    expect(again.statusCode).toBe(400);

    const login = await new Browser(ctx.app).post('/login', { email, password: PASSWORD }, '/login');
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/');
  });

  it('signs up by API, refuses a token until verified, then issues one', async () => {
    const email = uniqueEmail('api-signup');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { email, password: PASSWORD, name: 'Yohanes Lado' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ status: 'verification_sent' });

    const early = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email, password: PASSWORD },
    });
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ error: { code: 'email_not_verified' } });

    const [mail] = await mailsTo(ctx, email);
    expect((await ctx.app.inject({ url: linkIn(mail!, '/verify') })).statusCode).toBe(200);

    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email, password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const me = await ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${ok.json().token}` } });
    expect(me.json()).toMatchObject({ email, name: 'Yohanes Lado', kind: 'citizen', role: null });
  });

  it('answers a sign-up for a registered address exactly like a new one, and mails the owner instead', async () => {
    const existing = await makeCitizen(ctx.db, { name: 'Pemilik Lama' });
    const fresh = uniqueEmail('fresh');
    const body = (email: string) => ({ email, password: PASSWORD, name: 'Penyusup' });

    const apiNew = await ctx.app.inject({ method: 'POST', url: '/api/v1/accounts', payload: body(fresh) });
    const apiDup = await ctx.app.inject({ method: 'POST', url: '/api/v1/accounts', payload: body(existing.email) });
    expect(apiDup.statusCode).toBe(apiNew.statusCode);
    expect(apiDup.body).toBe(apiNew.body);

    const browser = new Browser(ctx.app);
    const formDup = await browser.post('/signup', body(existing.email), '/signup');
    const formNew = await browser.post('/signup', body(uniqueEmail('fresh')), '/signup');
    expect(formDup.statusCode).toBe(formNew.statusCode);
    expect(withoutCsrf(formDup.body).replace(existing.email, 'X')).toBe(
      withoutCsrf(formNew.body).replace(/fresh-[^ ]+@test\.sikoe\.id/, 'X'),
    );

    const rows = await accountByEmail(ctx.db, existing.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: existing.id, name: 'Pemilik Lama', passwordHash: existing.passwordHash });

    const mails = await mailsTo(ctx, existing.email, 2);
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.subject).toBe('Akun Sikoe Anda');
      expect(mail.text).toContain('/password/forgot');
      expect(mail.text).not.toContain('/verify?token=');
    }
  });

  it('refuses bad sign-up forms with a message per field, in Indonesian or English, and stores nothing', async () => {
    const email = uniqueEmail('bad');
    const cases: [Record<string, string>, string, string, string][] = [
      [{ name: '', email, password: PASSWORD }, 'name', 'Wajib diisi.', 'Required.'],
      [{ name: 'x'.repeat(121), email, password: PASSWORD }, 'name', 'Terlalu panjang.', 'Too long.'],
      [
        { name: 'Maria', email: 'not-an-email', password: PASSWORD },
        'email',
        'Masukkan alamat email yang benar',
        'Enter a valid email address',
      ],
      [{ name: 'Maria', email: '', password: PASSWORD }, 'email', 'Wajib diisi.', 'Required.'],
      [
        { name: 'Maria', email: `${'x'.repeat(250)}@test.sikoe.id`, password: PASSWORD },
        'email',
        'Terlalu panjang.',
        'Too long.',
      ],
      [
        { name: 'Maria', email, password: 'short' },
        'password',
        'Kata sandi minimal 10 karakter.',
        'The password needs at least 10 characters.',
      ],
      [{ name: 'Maria', email, password: 'x'.repeat(201) }, 'password', 'Terlalu panjang.', 'Too long.'],
    ];
    for (const [form, field, id, en] of cases) {
      const browser = new Browser(ctx.app);
      const res = await browser.post('/signup', form, '/signup');
      expect(res.statusCode, field).toBe(422);
      if (form.password === PASSWORD) expect(res.body).not.toContain(PASSWORD);
      expect(res.body).toMatch(new RegExp(`<p class="error" id="f-${field}-error">${id.replace('.', '\\.')}`));
      const english = await browser.setCookie('lang=en').request({ method: 'POST', url: '/signup', form });
      browser.setCookie('lang=id');
      expect(english.statusCode).toBe(422);
      expect(english.body).toMatch(new RegExp(`<p class="error" id="f-${field}-error">${en.replace('.', '\\.')}`));

      const api = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: form,
        headers: { 'accept-language': 'en' },
      });
      expect(api.statusCode).toBe(422);
      expect(api.json().error).toMatchObject({
        code: 'validation_failed',
        fields: { [field]: expect.stringContaining(en) },
      });
      const apiId = await ctx.app.inject({ method: 'POST', url: '/api/v1/accounts', payload: form });
      expect(apiId.json().error.fields[field]).toContain(id);
    }
    const missing = await ctx.app.inject({ method: 'POST', url: '/api/v1/accounts', payload: {} });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.fields).toEqual({
      email: 'Wajib diisi.',
      password: 'Wajib diisi.',
      name: 'Wajib diisi.',
    });
    expect(await accountByEmail(ctx.db, email)).toHaveLength(0);
    expect(await queuedMailCount(ctx.db, email)).toBe(0);
  });

  it('refuses a malformed or unknown verification link', async () => {
    expect((await ctx.app.inject({ url: '/verify?token=nope' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ url: '/verify' })).statusCode).toBe(422);
  });
});
