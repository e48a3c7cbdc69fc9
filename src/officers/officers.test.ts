import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeApp, type AppContext } from '../../test/db.ts';
import { makeCitizen, makeOfficer, sessionCookie, uniqueEmail } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { accountByEmail, auditFor, signedInBrowser } from '../accounts/test-support.ts';
import { mailsTo } from '../../test/mail.ts';
import { makeAdoptedVillage, makeVillageOfficer } from '../adopted-villages/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';

const INITIAL = 'initial passphrase';
const newOfficer = (over: Record<string, string> = {}) => ({
  name: 'Agustinus Seran',
  email: uniqueEmail('new-officer'),
  role: 'counter_officer',
  unitCode: 'KANIM-KUPANG',
  password: INITIAL,
  ...over,
});

async function as(ctx: AppContext, account: Account): Promise<Browser> {
  return new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
}

const createdBy = async (ctx: AppContext, actorId: string) =>
  ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'officer.create'), eq(auditLog.actorId, actorId)));

describeApp('officers', (ctx) => {
  describe('creating', () => {
    it('lets a regional admin create an officer who can then sign in', async () => {
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const browser = await as(ctx, admin);
      const page = await browser.get('/admin/officers/new');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('value="POS-LEMBATA"');
      const form = newOfficer({
        email: uniqueEmail('New-Officer').toUpperCase(),
        unitCode: 'POS-ROTE-NDAO',
        role: 'verifier',
      });
      const res = await browser.post('/admin/officers/new', form);
      expect(res.statusCode).toBe(303);
      const email = form.email.toLowerCase();
      const [created] = await accountByEmail(ctx.db, email);
      expect(created).toMatchObject({
        kind: 'officer',
        role: 'verifier',
        unitCode: 'POS-ROTE-NDAO',
        name: 'Agustinus Seran',
        totpEnabledAt: null,
      });
      expect(created!.emailVerifiedAt).toBeInstanceOf(Date);
      expect(res.headers.location).toBe(`/admin/accounts/${created!.id}`);
      const [audit] = await auditFor(ctx.db, created!.id, 'officer.create');
      expect(audit).toMatchObject({ actorId: admin.id, unitCode: 'POS-ROTE-NDAO', details: { role: 'verifier' } });
      const [welcome] = await mailsTo(ctx, email);
      expect(welcome!.subject).toBe('Akun petugas Sikoe Anda');
      expect(welcome!.text).not.toContain(INITIAL);

      // The new officer signs in, and must set up two-step verification before any officer page opens.
      const signIn = await signedInBrowser(ctx.app, email, INITIAL);
      expect(signIn.res.statusCode).toBe(303);
      expect(signIn.res.headers.location).toBe('/account/totp');
      expect((await signIn.browser.get('/officer')).headers.location).toBe('/account/totp');
      expect((await signIn.browser.get('/account/totp')).statusCode).toBe(200);
    });

    it('keeps a Kanim admin to its own Kanim and posts', async () => {
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANIM-MAUMERE' });
      const browser = await as(ctx, admin);
      const page = await browser.get('/admin/officers/new');
      expect(page.body).toContain('value="POS-LEMBATA"');
      expect(page.body).not.toContain('value="KANIM-KUPANG"');
      const outside = newOfficer({ unitCode: 'KANIM-KUPANG' });
      const res = await browser.post('/admin/officers/new', outside);
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Anda tidak berhak melakukan ini.');
      expect(await accountByEmail(ctx.db, outside.email)).toHaveLength(0);
      expect(await createdBy(ctx, admin.id)).toHaveLength(0);

      const inside = newOfficer({ unitCode: 'POS-LEMBATA' });
      expect((await browser.post('/admin/officers/new', inside)).statusCode).toBe(303);
      expect(await accountByEmail(ctx.db, inside.email)).toHaveLength(1);
    });

    it('refuses officers who are not admins, and sends anonymous visitors to sign in', async () => {
      for (const role of ['head_of_office', 'counter_officer'] as const) {
        const officer = await makeOfficer(ctx.db, { role, unitCode: 'KANIM-KUPANG' });
        const browser = await as(ctx, officer);
        expect((await browser.get('/admin/officers/new')).statusCode, role).toBe(403);
        const form = newOfficer();
        const post = await browser.post('/admin/officers/new', form, '/account');
        expect(post.statusCode, role).toBe(403);
        expect(post.headers['content-type']).toContain('text/html');
        const bad = await browser.post('/admin/officers/new', { ...form, name: '' });
        expect(bad.statusCode, `${role} with bad input`).toBe(403);
        expect(bad.headers['content-type']).toContain('text/html');
        expect(await accountByEmail(ctx.db, form.email)).toHaveLength(0);
      }
      const citizen = await makeCitizen(ctx.db);
      expect((await (await as(ctx, citizen)).get('/admin/officers/new')).statusCode).toBe(403);
      for (const url of ['/admin/officers', '/admin/officers/new', '/officer']) {
        const res = await ctx.app.inject({ url });
        expect(res.statusCode, url).toBe(303);
        expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
      }
    });

    it('refuses a duplicate email with a field message and stores nothing', async () => {
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const existing = await makeCitizen(ctx.db);
      const browser = await as(ctx, admin);
      await browser.get('/admin/officers/new');
      const res = await browser.post('/admin/officers/new', newOfficer({ email: existing.email.toUpperCase() }));
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('<p class="error" id="f-email-error">Alamat email ini sudah dipakai akun lain.</p>');
      expect(res.body).toContain('value="Agustinus Seran"');
      expect(res.body).not.toContain(INITIAL);
      const rows = await accountByEmail(ctx.db, existing.email);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'citizen', role: null, passwordHash: existing.passwordHash });
      expect(await createdBy(ctx, admin.id)).toHaveLength(0);
    });

    it('refuses bad input per field, in Indonesian or English, and stores nothing', async () => {
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const browser = await as(ctx, admin);
      await browser.get('/admin/officers/new');
      const cases: [Record<string, string>, string, string, string][] = [
        [{ name: '' }, 'name', 'Wajib diisi.', 'Required.'],
        [{ name: 'n'.repeat(121) }, 'name', 'Terlalu panjang.', 'Too long.'],
        [{ email: 'not-an-email' }, 'email', 'Masukkan alamat email yang benar', 'Enter a valid email address'],
        [{ email: '' }, 'email', 'Wajib diisi.', 'Required.'],
        [
          { password: 'short' },
          'password',
          'Kata sandi minimal 10 karakter.',
          'The password needs at least 10 characters.',
        ],
        [{ role: 'superuser' }, 'role', 'Isian tidak valid.', 'Not valid.'],
        [{ unitCode: '' }, 'unitCode', 'Wajib diisi.', 'Required.'],
        [{ unitCode: 'NOPE' }, 'unitCode', 'Pilih kantor dari daftar.', 'Choose an office from the list.'],
      ];
      for (const [over, field, id, en] of cases) {
        const form = newOfficer(over);
        const res = await browser.post('/admin/officers/new', form);
        expect(res.statusCode, field).toBe(422);
        // Every field, text or select, names its error for aria-describedby.
        expect(res.body).toContain(`<p class="error" id="f-${field}-error">${id}`);
        expect(res.body).toMatch(new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`));
        const english = await browser
          .setCookie('lang=en')
          .request({ method: 'POST', url: '/admin/officers/new', form });
        browser.setCookie('lang=id');
        expect(english.statusCode).toBe(422);
        expect(english.body).toContain(`<p class="error" id="f-${field}-error">${en}`);
        expect(await accountByEmail(ctx.db, form.email.trim().toLowerCase())).toHaveLength(0);
      }
      expect(await createdBy(ctx, admin.id)).toHaveLength(0);
    });
  });

  describe('listing and viewing', () => {
    it('lists the officers in scope for admins and heads of office, with a create link for admins only', async () => {
      const kupang = await makeOfficer(ctx.db, {
        role: 'counter_officer',
        unitCode: 'POS-OEPOLI',
        name: `Kupang ${crypto.randomUUID()}`,
      });
      const maumere = await makeOfficer(ctx.db, {
        role: 'counter_officer',
        unitCode: 'KANIM-MAUMERE',
        name: `Maumere ${crypto.randomUUID()}`,
      });
      const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
      const headList = await (await as(ctx, head)).get('/admin/officers');
      expect(headList.statusCode).toBe(200);
      expect(headList.body).toContain(kupang.name);
      expect(headList.body).not.toContain(maumere.name);
      expect(headList.body).not.toContain('href="/admin/officers/new"');

      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const adminList = await (await as(ctx, admin)).get('/admin/officers');
      expect(adminList.body).toContain(kupang.name);
      expect(adminList.body).toContain(maumere.name);
      expect(adminList.body).toContain('href="/admin/officers/new"');

      const counter = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
      expect((await (await as(ctx, counter)).get('/admin/officers')).statusCode).toBe(403);
    });

    it('audits every view of an account record with the viewer as actor', async () => {
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const officer = await makeOfficer(ctx.db, { unitCode: 'KANIM-ATAMBUA' });
      const browser = await as(ctx, admin);
      const res = await browser.get(`/admin/accounts/${officer.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(officer.email);
      expect(res.body).toContain('Pembukaan data ini dicatat dalam jejak audit.');
      await browser.get(`/admin/accounts/${officer.id}`);
      const views = await auditFor(ctx.db, officer.id, 'account.view');
      expect(views).toHaveLength(2);
      expect(views.map((v) => v.actorId)).toEqual([admin.id, admin.id]);
      expect(views[0]!.targetType).toBe('account');

      const citizen = await makeCitizen(ctx.db);
      expect((await browser.get(`/admin/accounts/${citizen.id}`)).statusCode).toBe(200);
      expect(await auditFor(ctx.db, citizen.id, 'account.view')).toHaveLength(1);
    });

    it("refuses a head of office another Kanim's officer, and anyone a citizen's record but admins, without an audit entry", async () => {
      const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
      const own = await makeOfficer(ctx.db, { unitCode: 'POS-ROTE-NDAO' });
      const other = await makeOfficer(ctx.db, { unitCode: 'KANIM-MAUMERE' });
      const citizen = await makeCitizen(ctx.db);
      const browser = await as(ctx, head);
      expect((await browser.get(`/admin/accounts/${own.id}`)).statusCode).toBe(200);
      expect((await browser.get(`/admin/accounts/${other.id}`)).statusCode).toBe(403);
      expect((await browser.get(`/admin/accounts/${citizen.id}`)).statusCode).toBe(403);
      const counter = await makeOfficer(ctx.db, { unitCode: 'KANIM-KUPANG' });
      expect((await (await as(ctx, counter)).get(`/admin/accounts/${own.id}`)).statusCode).toBe(403);
      expect(await auditFor(ctx.db, other.id, 'account.view')).toHaveLength(0);
      expect(await auditFor(ctx.db, citizen.id, 'account.view')).toHaveLength(0);
      expect((await auditFor(ctx.db, own.id, 'account.view')).map((v) => v.actorId)).toEqual([head.id]);

      expect((await browser.get(`/admin/accounts/${crypto.randomUUID()}`)).statusCode).toBe(404);
      const anon = await ctx.app.inject({ url: `/admin/accounts/${own.id}` });
      expect(anon.statusCode).toBe(303);
      expect(anon.headers.location).toMatch(/^\/login\?next=/);
    });
  });

  it('links Desa Binaan to the roles that work it, and to a PIMPASA whatever their desk', async () => {
    const links = async (account: Account) => {
      const body = (await (await as(ctx, account)).get('/officer')).body;
      return ['/officer/desa-binaan"', '/officer/desa-binaan/tips"', '/officer/desa-binaan/warnings"'].map((href) =>
        body.includes(href),
      );
    };
    const intelligence = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    expect(await links(intelligence)).toEqual([true, true, true]);
    const counter = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
    expect(await links(counter)).toEqual([false, false, false]);
    const village = await makeAdoptedVillage(ctx.db);
    await makeVillageOfficer(ctx.db, village.villageCode, counter);
    expect(await links(counter)).toEqual([true, false, false]);
  });
});
