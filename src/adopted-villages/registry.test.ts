import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { auditFor } from '../accounts/test-support.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { seedAdoptedVillages } from './seed-adopted-villages.ts';
import { adoptedVillages, villageOfficers } from './schema.ts';
import { listAdoptedVillages } from './list-adopted-villages.ts';
import { makeAdoptedVillage, makeVillageOfficer } from './test-support.ts';

const seeded = {
  '53.04.02.2001': ['Silawan', 'KANIM-ATAMBUA', '2024-06-20'],
  '53.04.02.2002': ['Tulakadi', 'KANIM-ATAMBUA', '2024-08-12'],
  '53.04.02.2003': ['Sadi', 'KANIM-ATAMBUA', '2024-08-12'],
  '53.14.01.2010': ['Batutua', 'KANIM-KUPANG', '2025-07-24'],
  '53.14.01.2005': ['Oeseli', 'KANIM-KUPANG', '2025-07-24'],
  '53.14.01.2016': ['Dolasi', 'KANIM-KUPANG', '2025-07-24'],
  '53.14.01.2018': ['Landu', 'KANIM-KUPANG', '2025-07-24'],
  '53.14.01.2006': ['Oebou', 'KANIM-KUPANG', '2025-07-24'],
  '53.09.06.2032': ['Mukuvoka', 'KANIM-LABUAN-BAJO', '2025-09-16'],
} as const;

describeApp('Desa Binaan: the register, PIMPASA and the public pages', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const today = witaDate();

  it('seeds the nine villages the sources name, with the right codes and offices, and leaves later edits alone', async () => {
    const codes = Object.keys(seeded);
    const found = await listAdoptedVillages(ctx.db, { villageCodes: codes }, today);
    expect(found.map((v) => [v.villageCode, v.village, v.unitCode, v.adoptedOn])).toEqual(
      Object.entries(seeded)
        .map(([code, [name, unit, day]]) => [code, expect.stringMatching(new RegExp(name, 'i')), unit, day])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(found.every((v) => v.decreeNumber === null && v.officers.length === 0)).toBe(true);
    expect(found.find((v) => v.village.match(/silawan/i))).toMatchObject({
      reasons: ['border_village'],
      decreeDate: null,
    });
    expect(found.find((v) => v.village.match(/batutua/i))).toMatchObject({
      reasons: ['many_migrant_workers'],
      regencyCode: '53.14',
      district: expect.stringMatching(/rote barat daya/i),
    });
    await ctx.db
      .update(adoptedVillages)
      .set({ decreeNumber: 'SK-EDITED' })
      .where(eq(adoptedVillages.villageCode, '53.09.06.2032'));
    await seedAdoptedVillages(ctx.db);
    await seedAdoptedVillages(ctx.db);
    const again = await listAdoptedVillages(ctx.db, { villageCodes: codes }, today);
    expect(again).toHaveLength(9);
    expect(again.find((v) => v.villageCode === '53.09.06.2032')?.decreeNumber).toBe('SK-EDITED');
  });

  it('shows the public index by regency and Rote Ndao’s villages with their PIMPASA’s name and work phone', async () => {
    const pimpasa = await makeOfficer(ctx.db, {
      unitCode: 'KANIM-KUPANG',
      name: 'Yohanes Pimpasa',
      email: 'y@pimpasa.test',
    });
    await makeVillageOfficer(ctx.db, '53.14.01.2010', pimpasa, { phone: '0813 1111 2222' });
    const index = await ctx.app.inject({ url: '/desa-binaan' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('/desa-binaan/53.14');
    expect(index.body).toMatch(/Rote Ndao/i);
    const rote = await ctx.app.inject({ url: '/desa-binaan/53.14' });
    expect(rote.statusCode).toBe(200);
    for (const name of ['Batutua', 'Oeseli', 'Dolasi', 'Landu', 'Oebou'])
      expect(rote.body).toMatch(new RegExp(name, 'i'));
    expect(rote.body).toContain('Yohanes Pimpasa');
    expect(rote.body).toContain('0813 1111 2222');
    expect(rote.body).not.toContain('y@pimpasa.test');
    expect(rote.body).toContain('tidak dipublikasikan');
    expect(rote.body).toContain('Kantor Imigrasi Kelas I TPI Kupang');
    const english = new Browser(ctx.app);
    await english.get('/lang/en?next=/desa-binaan/53.14');
    expect((await english.get('/desa-binaan/53.14')).body).toContain('not published');
    expect((await ctx.app.inject({ url: '/desa-binaan/53.99' })).statusCode).toBe(404);
    const api = await ctx.app.inject({ url: '/api/v1/adopted-villages?regencyCode=53.14' });
    expect(api.statusCode).toBe(200);
    const list = api.json<{ villageCode: string; officers: { name: string; phone: string }[] }[]>();
    // The seeded kecamatan only: other tests on the run's shared database may adopt elsewhere in the regency.
    expect(
      list
        .map((v) => v.villageCode)
        .filter((c) => c.startsWith('53.14.01.'))
        .sort(),
    ).toEqual(['53.14.01.2005', '53.14.01.2006', '53.14.01.2010', '53.14.01.2016', '53.14.01.2018']);
    expect(list.find((v) => v.villageCode === '53.14.01.2010')?.officers).toEqual([
      { name: 'Yohanes Pimpasa', phone: '0813 1111 2222' },
    ]);
    const byUnit = await ctx.app.inject({ url: '/api/v1/adopted-villages?unitCode=KANIM-ATAMBUA' });
    expect(byUnit.json<{ unitCode: string }[]>().every((v) => v.unitCode === 'KANIM-ATAMBUA')).toBe(true);
    const atambua = byUnit.json<{ villageCode: string }[]>().map((v) => v.villageCode);
    expect(atambua.filter((c) => c.startsWith('53.04.02.')).sort()).toEqual([
      '53.04.02.2001',
      '53.04.02.2002',
      '53.04.02.2003',
    ]);
  });

  it('lets the head of office adopt, edit and end an adoption, and appoint and release a PIMPASA, all audited', async () => {
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' }));
    const page = '/officer/desa-binaan';
    const form = {
      villageCode: '53.71.02.1001',
      unitCode: 'KANIM-KUPANG',
      decreeNumber: '',
      decreeDate: '2026-01-05',
      reasons: ['poor_information_access', 'many_migrant_workers'],
      reasonNote: 'Kantong PMI',
      adoptedOn: '2026-01-05',
    };
    const adopted = await head.post(page, form, page);
    expect(adopted.statusCode, adopted.body.slice(0, 400)).toBe(303);
    const code = '53.71.02.1001';
    expect((await head.post(page, form, page)).body).toContain('sudah terdaftar');
    const byPost = await head.post(page, { ...form, villageCode: '53.71.02.1002', unitCode: 'POS-ROTE-NDAO' }, page);
    expect(byPost.statusCode).toBe(422);
    // Belu (53.04) is Kanim Atambua's: Kupang may not adopt there, even with Atambua's figures in its scope.
    const kanwil = await as(await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' }));
    for (const [browser, unitCode] of [
      [head, 'KANIM-KUPANG'],
      [kanwil, 'KANIM-KUPANG'],
    ] as const) {
      const outside = await browser.post(page, { ...form, villageCode: '53.04.01.2001', unitCode }, page);
      expect(outside.statusCode).toBe(422);
      expect(outside.body).toContain('Desa ini di luar wilayah kerja kantor yang dipilih');
    }
    const atambua = { ...form, villageCode: '53.04.01.2001', unitCode: 'KANIM-ATAMBUA' };
    expect((await kanwil.post(page, atambua, page)).statusCode).toBe(303);
    expect(await auditFor(ctx.db, code, 'adopted_village.adopt')).toHaveLength(1);
    const villagePage = `${page}/${code}`;
    const edit = await head.post(`${villagePage}/edit`, { ...form, decreeNumber: 'SK-7/2026' }, villagePage);
    expect(edit.statusCode).toBe(303);
    const officer = await makeOfficer(ctx.db, { unitCode: 'KANIM-KUPANG', name: 'Maria Pembina' });
    const outsider = await makeOfficer(ctx.db, { unitCode: 'KANIM-ATAMBUA' });
    const refused = await head.post(
      `${villagePage}/officers`,
      { officerId: outsider.id, phone: '0812 0000 1111', since: today },
      villagePage,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Pilih petugas aktif kantor pembina');
    const assign = { officerId: officer.id, phone: '0812 9999 0000', since: today };
    expect((await head.post(`${villagePage}/officers`, assign, villagePage)).statusCode).toBe(303);
    const shown = await head.get(villagePage);
    expect(shown.body).toContain('Maria Pembina');
    expect(shown.body).toContain('SK-7/2026');
    expect((await head.post(`${villagePage}/officers/${officer.id}/unassign`, {}, villagePage)).statusCode).toBe(303);
    const terms = await ctx.db.select().from(villageOfficers).where(eq(villageOfficers.villageCode, code));
    expect(terms).toEqual([]);
    await makeVillageOfficer(ctx.db, code, officer, { since: '2026-01-05' });
    expect((await head.post(`${villagePage}/end`, { endedOn: addDays(today, 1) }, villagePage)).statusCode).toBe(303);
    const [ended] = await ctx.db.select().from(villageOfficers).where(eq(villageOfficers.villageCode, code));
    expect(ended?.until).toBe(addDays(today, 1));
    for (const action of ['edit', 'officer_assign', 'officer_unassign', 'end'])
      expect(await auditFor(ctx.db, code, `adopted_village.${action}`), action).toHaveLength(1);
    expect((await head.post(`${villagePage}/end`, { endedOn: addDays(today, 2) }, villagePage)).statusCode).toBe(409);
  });

  it('refuses the register to other roles, other offices, partners, auditors and citizens', async () => {
    const village = await makeAdoptedVillage(ctx.db);
    const page = `/officer/desa-binaan/${village.villageCode}`;
    const form = { decreeNumber: 'X', reasons: 'other', reasonNote: '', adoptedOn: '2025-01-02' };
    for (const account of [
      await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' }),
      await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' }),
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-ATAMBUA' }),
      await makeOfficer(ctx.db, { role: 'partner', unitCode: 'KANIM-KUPANG' }),
      await makeOfficer(ctx.db, { role: 'auditor', unitCode: 'KANIM-KUPANG' }),
    ]) {
      const browser = await as(account);
      const res = await browser.post(`${page}/edit`, form, '/');
      expect(res.statusCode, account.role!).toBe(403);
    }
    const kanwil = await as(await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' }));
    expect((await kanwil.post(`${page}/edit`, form, page)).statusCode).toBe(303);
    const payload = { villageCode: '53.71.02.1002', unitCode: 'KANIM-KUPANG', reasons: ['other'], adoptedOn: today };
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/v1/adopted-villages', payload });
    expect(anonymous.statusCode).toBe(401);
  });
});
