import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { Browser } from '../../test/http.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { translator } from '../platform/i18n/index.ts';
import { getUnit } from './list-units.ts';
import { mapLink } from './office-contact.ts';
import { organisation } from './organisation.ts';

const tId = translator('id');

describeApp('units', (ctx) => {
  it('lists every seeded unit with the contract fields', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/units' });
    expect(res.statusCode).toBe(200);
    const units = res.json<{ code: string; parentCode: string | null; kind: string }[]>();
    for (const seed of organisation) {
      const unit = units.find((u) => u.code === seed.code);
      expect(unit, seed.code).toMatchObject({
        code: seed.code,
        name: seed.name,
        kind: seed.kind,
        parentCode: seed.parentCode,
        regencyCode: seed.regencyCode,
        state: seed.state,
      });
    }
    expect(units[0]!.kind).toBe('kanwil');
  });

  it('shows a public unit page in Indonesian and English', async () => {
    const id = await ctx.app.inject({ url: '/units/KANIM-ATAMBUA' });
    expect(id.statusCode).toBe(200);
    expect(id.body).toContain('Kantor Imigrasi Atambua');
    expect(id.body).toContain('Pos Lintas Batas Negara Motaain');
    expect(id.body).toContain('Jam layanan');
    const en = await ctx.app.inject({ url: '/units/KANIM-ATAMBUA', headers: { cookie: 'lang=en' } });
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
        hours_mon: '08:00-15:00',
        hours_tue: '08:00-15:00',
        hours_wed: '08:00-15:00',
        hours_thu: '08:00-15:00',
        hours_fri: '08:00-11:30',
        hours_sat: '',
        hours_sun: '',
      };
      const bad = await browser.post('/admin/units/POS-ENDE/edit', {
        ...form,
        address: 'X',
        hours_mon: '9-5',
        regencyCode: '99.99',
      });
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

    it('keeps the map link: https only, shown on the unit page with the address and phone; empty removes it, leaving it out keeps it', async () => {
      const unit = await makeUnit(ctx.db, { address: 'Jl. Adi Sucipto No. 1, Penfui, Kupang' });
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, admin));
      const edit = await browser.get(`/admin/units/${unit.code}/edit`);
      expect(edit.body).toMatch(/<label for="f-mapUrl">Tautan peta<\/label>/);
      const form = {
        name: unit.name,
        address: unit.address,
        regencyCode: '53.71',
        phone: '(0380) 821-232',
        email: '',
        state: 'active',
        services: ['passport'],
        hours_mon: '08:00-16:00',
        hours_tue: '',
        hours_wed: '',
        hours_thu: '',
        hours_fri: '',
        hours_sat: '',
        hours_sun: '',
      };
      const map = 'https://www.openstreetmap.org/?mlat=-10.1718&mlon=123.6075#map=18/-10.1718/123.6075';
      for (const bad of [
        'http://www.openstreetmap.org/x',
        'javascript:alert(1)',
        'www.openstreetmap.org',
        'https://',
        'https://user:pw@maps.example.org/',
      ]) {
        const refused = await browser.post(`/admin/units/${unit.code}/edit`, { ...form, mapUrl: bad });
        expect(refused.statusCode, bad).toBe(422);
        expect(refused.body, bad).toContain(`href="#f-mapUrl">Tautan peta: ${tId('v.httpsUrl')}`);
      }
      expect((await getUnit(ctx.db, unit.code)).mapUrl).toBeNull();

      expect((await browser.post(`/admin/units/${unit.code}/edit`, { ...form, mapUrl: map })).statusCode).toBe(303);
      expect((await getUnit(ctx.db, unit.code)).mapUrl).toBe(map);
      for (const lang of ['id', 'en'] as const) {
        const t = translator(lang);
        const page = await ctx.app.inject({ url: `/units/${unit.code}`, headers: { cookie: `lang=${lang}` } });
        expect(page.body).toContain(`<dd>${unit.address}</dd>`);
        expect(page.body).toContain('<a href="tel:0380821232">(0380) 821-232</a>');
        expect(page.body).toContain(
          `<a href="${map.replaceAll('&', '&amp;')}" rel="noopener noreferrer" class="map-link">${t('units.openMap')}`,
        );
      }
      const [audit] = await ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'unit.update'), eq(auditLog.targetId, unit.code)))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(audit!.details).toEqual({ changed: ['phone', 'mapUrl', 'services', 'openingHours'] });

      // A form without the field (sent before it existed) keeps the link; an empty field removes it.
      expect((await browser.post(`/admin/units/${unit.code}/edit`, form)).statusCode).toBe(303);
      expect((await getUnit(ctx.db, unit.code)).mapUrl).toBe(map);
      expect((await browser.post(`/admin/units/${unit.code}/edit`, { ...form, mapUrl: ' ' })).statusCode).toBe(303);
      expect((await getUnit(ctx.db, unit.code)).mapUrl).toBeNull();
      expect((await ctx.app.inject({ url: `/units/${unit.code}` })).body).not.toContain('map-link');
    });

    it('never links a map address that is not https, whatever the table holds', async () => {
      const unit = await makeUnit(ctx.db, { mapUrl: 'javascript:alert(1)' });
      const page = await ctx.app.inject({ url: `/units/${unit.code}` });
      expect(page.body).not.toContain('javascript:');
      expect(mapLink({ mapUrl: 'javascript:alert(1)' })).toBeNull();
      expect(mapLink({ mapUrl: 'https://maps.app.goo.gl/abc' })).toBe('https://maps.app.goo.gl/abc');
    });

    it('puts the admin list of units in a named, focusable scroll box', async () => {
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const res = await ctx.app.inject({
        url: '/admin/units',
        headers: { cookie: await sessionCookie(ctx.db, admin) },
      });
      expect(res.body).toContain(
        `<div class="table-scroll" role="region" aria-label="${tId('units.adminTitle')}" tabindex="0"><table>`,
      );
    });

    it('refuses officers who are not admins, and admins outside their scope', async () => {
      const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
      const res = await ctx.app.inject({
        url: '/admin/units/KANIM-KUPANG/edit',
        headers: { cookie: await sessionCookie(ctx.db, head) },
      });
      expect(res.statusCode).toBe(403);
      const localAdmin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANIM-MAUMERE' });
      const other = await ctx.app.inject({
        url: '/admin/units/KANIM-KUPANG/edit',
        headers: { cookie: await sessionCookie(ctx.db, localAdmin) },
      });
      expect(other.statusCode).toBe(403);
      const own = await ctx.app.inject({
        url: '/admin/units/POS-LEMBATA/edit',
        headers: { cookie: await sessionCookie(ctx.db, localAdmin) },
      });
      expect(own.statusCode).toBe(200);
    });

    it('sends anonymous visitors to sign in', async () => {
      const res = await ctx.app.inject({ url: '/admin/units/KANIM-KUPANG/edit' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(/^\/login\?next=/);
    });
  });
});
