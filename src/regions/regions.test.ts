import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/index.ts';
import { describeApp } from '../../test/db.ts';
import { checkNik, parseNik } from './check-nik.ts';
import { importRegions } from './import-regions.ts';

describe('parseNik', () => {
  it('reads region, birth date and sex; women have 40 added to the day', () => {
    expect(parseNik('5371014507900003')).toMatchObject({
      districtCode: '53.71.01',
      day: 5,
      month: 7,
      year2: 90,
      sex: 'F',
      dayOffset: 40,
    });
    expect(parseNik('5371017103900003')).toMatchObject({ day: 31, sex: 'F', dayOffset: 40 });
    expect(parseNik('5304021212850001')).toMatchObject({
      regencyCode: '53.04',
      day: 12,
      month: 12,
      year2: 85,
      sex: 'M',
      dayOffset: 0,
    });
  });

  it('rejects what cannot be a NIK', () => {
    for (const bad of [
      '',
      '537101450790000',
      '53710145079000031',
      '5371014507900A03',
      '5371013207900003',
      '5371010013900003',
      '5371011513900003',
      '5371010507900000',
    ]) {
      expect(parseNik(bad), bad).toBeNull();
    }
  });
});

describeApp('regions', (ctx) => {
  it('holds every level of Indonesia, with the NTT regencies of the brief', async () => {
    const [counts] = await queryRows<Record<string, number>>(
      ctx.db,
      sql`select (select count(*)::int from provinces) p, (select count(*)::int from regencies) r, (select count(*)::int from districts) d, (select count(*)::int from villages) v`,
    );
    expect(counts).toEqual({ p: 38, r: 514, d: 7277, v: 83763 });
    const ntt = (await ctx.app.inject({ url: '/api/v1/regions/provinces/53/regencies' })).json<
      { code: string; name: string }[]
    >();
    expect(ntt).toHaveLength(22);
    expect(ntt.find((r) => r.code === '53.71')?.name).toMatch(/KUPANG/);
    expect(ntt.find((r) => r.code === '53.21')?.name).toMatch(/MALAKA/);
  });

  it('does not import twice', async () => {
    expect(await importRegions(ctx.db)).toEqual({ imported: false });
  });

  it('serves districts and villages for the pickers, and refuses malformed codes', async () => {
    const districts = (await ctx.app.inject({ url: '/api/v1/regions/regencies/53.71/districts' })).json<
      { code: string }[]
    >();
    expect(districts.length).toBeGreaterThan(3);
    const villages = await ctx.app.inject({ url: `/api/v1/regions/districts/${districts[0]!.code}/villages` });
    expect(villages.json().length).toBeGreaterThan(0);
    const bad = await ctx.app.inject({ url: '/api/v1/regions/regencies/53-71/districts' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  it('checks a NIK against the district list, the birth date and the sex', async () => {
    expect(await checkNik(ctx.db, '5371014507900003', { birthDate: '1990-07-05', sex: 'F' })).toMatchObject({
      errors: [],
      warnings: [],
    });
    expect((await checkNik(ctx.db, '5399014507900003')).errors).toEqual(['v.nikRegion']);
    expect((await checkNik(ctx.db, '5371014507900003', { birthDate: '1990-07-06' })).errors).toEqual([
      'v.nikBirthDate',
    ]);
    expect((await checkNik(ctx.db, '5371014507900003', { sex: 'M' })).errors).toEqual(['v.nikSex']);
    expect((await checkNik(ctx.db, '53710145079')).errors).toEqual(['v.nikFormat']);
    const irregular = await checkNik(ctx.db, '5371015507900003', { birthDate: '1990-07-05', sex: 'F' });
    expect(irregular).toMatchObject({ errors: [], warnings: ['w.nikDayOffset'] });
    // A woman born on the 14th: 54 is the regular +40, not an irregular +50 on the 4th.
    expect(await checkNik(ctx.db, '5371015403910001', { birthDate: '1991-03-14', sex: 'F' })).toMatchObject({
      errors: [],
      warnings: [],
    });
    expect((await checkNik(ctx.db, '5371015403910001', { birthDate: '1991-03-04', sex: 'F' })).warnings).toEqual([
      'w.nikDayOffset',
    ]);
    expect((await checkNik(ctx.db, '5371018503910001', { birthDate: '1991-03-25', sex: 'F' })).warnings).toEqual([
      'w.nikDayOffset',
    ]);
  });

  it('renders the picker fragment for a partial choice, dropping a child that does not belong', async () => {
    const res = await ctx.app.inject({
      url: '/regions/picker?name=address&legend=Alamat&address_province=53&address_regency=53.71&address_district=11.01.01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="address_regency"');
    expect(res.body).toContain('name="address_district"');
    expect(res.body).not.toContain('name="address_village"');
    expect(res.body).toMatch(/<option[^>]*value="53.71"[^>]*selected/);
  });
});
