import { describe, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { Browser } from '../../test/http.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { organisation } from './organisation.ts';

describeApp('units', (ctx) => {
  it('lists every seeded unit with the contract fields', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/units' });
    expect(res.statusCode).toBe(200);
    const units = res.json() as { code: string; parentCode: string | null; kind: string }[];
    for (const seed of organisation) {
      const unit = units.find((u) => u.code === seed.code);
      expect(unit, seed.code).toMatchObject({ code: seed.code, name: seed.name, kind: seed.kind, parentCode: seed.parentCode, regencyCode: seed.regencyCode, state: seed.state });
    }
    expect(units[0]!.kind).toBe('kanwil');
  });

  it('shows a public unit page in Indonesian and English', async () => {
    const id = await ctx.app.inject({ url: '/units/KANIM-ATAMBUA' });
    expect(id.statusCode).toBe(200);
    expect(id.body).toContain('Kantor Imigrasi Atambua');
    expect(id.body).toContain('Pos Lintas Batas Negara Motaain');
    expect(id.body).toContain('Jam layanan');
    const en = await ctx.app.inject({ url: '/units/KANIM-ATAMBUA', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.body).toContain('Opening hours');
  });

  it('answers 404 for an unknown unit, as JSON on the API', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/units/NOPE' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  describe('editing', () => {
    it('lets an admin change a unit, audited, and refuses bad input without changing anything', async () => {
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, admin));
      const page = await browser.get('/admin/units/POS-ENDE/edit');
      expect(page.statusCode).toBe(200);
      const form = {
        name: 'Pos Imigrasi Ende',
        address: 'Jl. Contoh 1, Ende',
        regencyCode: '53.08',
        phone: '',
        email: '',
        state: 'active',
        services: ['passport', 'complaints'],
        hours_mon: '08:00-15:00', hours_tue: '08:00-15:00', hours_wed: '08:00-15:00', hours_thu: '08:00-15:00', hours_fri: '08:00-11:30',
        hours_sat: '', hours_sun: '',
      };
      const bad = await browser.post('/admin/units/POS-ENDE/edit', { ...form, address: 'X', hours_mon: '9-5', regencyCode: '99.99' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('error-summary');
      const unchanged = (await ctx.app.inject({ url: '/api/v1/units/POS-ENDE' })).json();
      expect(unchanged.address).not.toBe('X');

      const ok = await browser.post('/admin/units/POS-ENDE/edit', form);
      expect(ok.statusCode).toBe(303);
      const after = (await ctx.app.inject({ url: '/api/v1/units/POS-ENDE' })).json();
      expect(after).toMatchObject({ address: 'Jl. Contoh 1, Ende', services: ['passport', 'complaints'] });
      expect(after.openingHours.fri).toEqual([['08:00', '11:30']]);
    });

    it('refuses officers who are not admins, and admins outside their scope', async () => {
      const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
      const res = await ctx.app.inject({ url: '/admin/units/KANIM-KUPANG/edit', headers: { cookie: await sessionCookie(ctx.db, head) } });
      expect(res.statusCode).toBe(403);
      const localAdmin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANIM-MAUMERE' });
      const other = await ctx.app.inject({ url: '/admin/units/KANIM-KUPANG/edit', headers: { cookie: await sessionCookie(ctx.db, localAdmin) } });
      expect(other.statusCode).toBe(403);
      const own = await ctx.app.inject({ url: '/admin/units/POS-LEMBATA/edit', headers: { cookie: await sessionCookie(ctx.db, localAdmin) } });
      expect(own.statusCode).toBe(200);
    });

    it('sends anonymous visitors to sign in', async () => {
      const res = await ctx.app.inject({ url: '/admin/units/KANIM-KUPANG/edit' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(/^\/login\?next=/);
    });
  });
});
