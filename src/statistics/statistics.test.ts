import crypto from 'node:crypto';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeUnit } from '../../test/factories.ts';
import type { PassportType } from '../applications/schema.ts';
import { issuanceHistory, passports, type PassportStatus } from '../passports/schema.ts';
import { issuedDaily } from '../passports/daily-passports.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { refreshDays, REBUILT_DAYS } from '../platform/rollups/refresh-rollup.ts';
import { storedSince } from '../platform/rollups/sum-daily.ts';
import { countIssuedPassports } from './count-issued-passports.ts';
import { demoHistoryRows, demoHistoryTotals, distribute, seedDemoHistory } from './seed-demo-history.ts';

const secretName = 'RAHASIA PRIBADI TESTNAME';

describeApp('passport statistics', (ctx) => {
  const passport = (
    unitCode: string,
    type: PassportType,
    issueDate: string,
    status: PassportStatus = 'handed_over',
  ) => {
    const nik = `5371${String(crypto.randomInt(1e11, 1e12))}`;
    return {
      number: `S${crypto.randomUUID().slice(0, 12).toUpperCase()}`,
      applicationId: crypto.randomUUID(),
      type,
      unitCode,
      holderName: secretName,
      nik,
      birthDate: '1990-07-05',
      sex: 'F' as const,
      issueDate,
      expiryDate: '2034-01-01',
      mrz1: `P<IDN${secretName}`,
      mrz2: nik,
      status,
    };
  };

  /** A Kantor Imigrasi with a post below it: history in January, February (overridden by Sikoe's own rows) and at the post. */
  async function fixture() {
    const office = await makeUnit(ctx.db);
    const post = await makeUnit(ctx.db, { parentCode: office.code, kind: 'pos', name: `Pos Uji ${office.code}` });
    await ctx.db.insert(issuanceHistory).values([
      { unitCode: office.code, month: '2024-01-01', type: 'biasa', count: 1_234 },
      { unitCode: office.code, month: '2024-01-01', type: 'elektronik', count: 20 },
      { unitCode: office.code, month: '2024-02-01', type: 'biasa', count: 500 },
      { unitCode: post.code, month: '2024-01-01', type: 'elektronik', count: 7 },
      { unitCode: office.code, month: '2023-12-01', type: 'biasa', count: 99 },
    ]);
    await ctx.db
      .insert(passports)
      .values([
        passport(office.code, 'elektronik', '2024-02-03'),
        passport(office.code, 'elektronik', '2024-02-29', 'ready'),
        passport(office.code, 'biasa', '2024-02-10', 'void'),
        passport(office.code, 'biasa', '2024-02-11', 'cancelled'),
        passport(post.code, 'biasa', '2024-03-31', 'printed'),
        passport(post.code, 'elektronik', '2025-01-01'),
      ]);
    return { office, post };
  }

  it('counts issued passports by type, unit and month, with history only for months Sikoe has no rows for', async () => {
    const { office, post } = await fixture();
    const res = await ctx.app.inject({ url: `/api/v1/stats/passports?from=2024-01&to=2024-12&unit=${office.code}` });
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats).toMatchObject({
      from: '2024-01',
      to: '2024-12',
      unitCode: office.code,
      biasa: 1_236,
      elektronik: 29,
      total: 1_265,
    });
    expect(stats.byUnit).toEqual([
      { unitCode: office.code, unitName: office.name, biasa: 1_235, elektronik: 22, total: 1_257 },
      { unitCode: post.code, unitName: post.name, biasa: 1, elektronik: 7, total: 8 },
    ]);
    expect(stats.byMonth).toHaveLength(12);
    expect(stats.byMonth.slice(0, 4)).toEqual([
      { month: '2024-01', biasa: 1_234, elektronik: 27, total: 1_261 },
      { month: '2024-02', biasa: 1, elektronik: 2, total: 3 },
      { month: '2024-03', biasa: 1, elektronik: 0, total: 1 },
      { month: '2024-04', biasa: 0, elektronik: 0, total: 0 },
    ]);
    const postOnly = (
      await ctx.app.inject({ url: `/api/v1/stats/passports?from=2024-01-15&to=2025-01&unit=${post.code}` })
    ).json();
    expect(postOnly).toMatchObject({ from: '2024-01', to: '2025-01', biasa: 1, elektronik: 8, total: 9 });
    expect(postOnly.byUnit).toHaveLength(1);
    const region = (
      await ctx.app.inject({ url: '/api/v1/stats/passports?from=2024-01&to=2024-12&unit=KANWIL-NTT' })
    ).json();
    expect(region.byUnit).toContainEqual({
      unitCode: post.code,
      unitName: post.name,
      biasa: 1,
      elektronik: 7,
      total: 8,
    });
    expect(region.total).toBeGreaterThanOrEqual(1_265);
    expect(JSON.stringify(region)).not.toContain(secretName);
  });

  it('counts the same from the daily counts kept ahead as from the passports', async () => {
    const { office } = await fixture();
    const period = { from: '2024-01', to: '2024-12', unit: office.code };
    const live = await countIssuedPassports(ctx.db, period);
    const now = new Date();
    await refreshDays(
      ctx.db,
      issuedDaily,
      { from: addDays(witaDate(now), -REBUILT_DAYS), to: witaDate(now) },
      now,
      true,
    );
    expect(await storedSince(ctx.db, issuedDaily, { from: '2024-01-01', to: '2024-12-31' }, 300)).not.toBeNull();
    expect(await countIssuedPassports(ctx.db, { ...period, maxAgeSeconds: 300 })).toEqual(live);
  });

  it('shows the public page with an accessible SVG chart and formatted numbers, and the CSV', async () => {
    const { office, post } = await fixture();
    const query = `from=2024-01&to=2024-06&unit=${office.code}`;
    const page = await ctx.app.inject({ url: `/statistik/paspor?${query}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('aria-labelledby="chart-title chart-desc"');
    expect(page.body).toMatch(/<title id="chart-title">[^<]+<\/title>/);
    expect(page.body).toContain('1.234');
    expect(page.body).toContain('1.261');
    expect(page.body).toContain(`/statistik/paspor.csv?${query.replace(/&/g, '&amp;')}`);
    expect(page.body).toContain('<th scope="row">Januari 2024</th>');
    const english = await ctx.app.inject({ url: `/statistik/paspor?${query}`, headers: { cookie: 'lang=en' } });
    expect(english.body).toContain('1,234');

    const csv = await ctx.app.inject({ url: `/statistik/paspor.csv?${query}` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="statistik-paspor-${office.code}-2024-01-2024-06.csv"`,
    );
    const [header, ...lines] = csv.body.split('\r\n');
    expect(header).toBe('unit_code,unit_name,month,biasa,elektronik,total');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => l.split(',')[2])).toEqual(['2024-01', '2024-01', '2024-02', '2024-03']);
    expect(lines.sort()).toEqual(
      [
        `${office.code},${office.name},2024-01,1234,20,1254`,
        `${post.code},${post.name},2024-01,0,7,7`,
        `${office.code},${office.name},2024-02,1,2,3`,
        `${post.code},${post.name},2024-03,1,0,1`,
      ].sort(),
    );
    for (const body of [page.body, english.body, csv.body]) {
      expect(body).not.toContain(secretName);
      expect(body).not.toMatch(/\b\d{16}\b/); // no NIK
    }
    const home = await ctx.app.inject({ url: '/' });
    expect(home.body).toContain('href="/statistik/paspor"');
  });

  it('refuses bad periods and unknown units', async () => {
    for (const q of ['from=2024-13', 'from=2024-06&to=2024-01', 'from=2000-01&to=2024-01', 'to=januari']) {
      const res = await ctx.app.inject({ url: `/api/v1/stats/passports?${q}` });
      expect(res.statusCode, q).toBe(422);
      const page = await ctx.app.inject({ url: `/statistik/paspor?${q}` });
      expect(page.statusCode, q).toBe(422);
      expect(page.body, q).toContain('error-summary');
    }
    expect((await ctx.app.inject({ url: '/api/v1/stats/passports?unit=NOPE' })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: '/statistik/paspor?unit=NOPE' })).statusCode).toBe(404);
  });

  it('seeds 2025 for the four Kantor Imigrasi in the shape of the seed article, exactly and idempotently', async () => {
    expect(distribute(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(distribute(7_150, [46, 20, 19, 15]).reduce((a, b) => a + b)).toBe(7_150);
    const rows = demoHistoryRows();
    const sum = (type: PassportType, unit?: string) =>
      rows.filter((r) => r.type === type && (!unit || r.unitCode === unit)).reduce((a, r) => a + r.count, 0);
    expect(sum('biasa')).toBe(7_150);
    expect(sum('elektronik')).toBe(14_213);
    for (const unit of ['KANIM-MAUMERE', 'KANIM-ATAMBUA', 'KANIM-LABUAN-BAJO'])
      expect(sum('elektronik', 'KANIM-KUPANG')).toBeGreaterThan(sum('elektronik', unit));

    await seedDemoHistory(ctx.db);
    await seedDemoHistory(ctx.db);
    const units = ['KANIM-KUPANG', 'KANIM-MAUMERE', 'KANIM-ATAMBUA', 'KANIM-LABUAN-BAJO'];
    const stored = await ctx.db
      .select({
        type: issuanceHistory.type,
        count: sql<number>`sum(${issuanceHistory.count})::int`,
        months: sql<number>`count(distinct ${issuanceHistory.month})::int`,
      })
      .from(issuanceHistory)
      .where(
        and(
          inArray(issuanceHistory.unitCode, units),
          gte(issuanceHistory.month, '2025-01-01'),
          lt(issuanceHistory.month, '2026-01-01'),
        ),
      )
      .groupBy(issuanceHistory.type);
    expect(Object.fromEntries(stored.map((r) => [r.type, r.count]))).toEqual(demoHistoryTotals);
    expect(stored.every((r) => r.months === 12)).toBe(true);

    const totals = { biasa: 0, elektronik: 0, total: 0 };
    for (const unit of units) {
      const s = (await ctx.app.inject({ url: `/api/v1/stats/passports?from=2025-01&to=2025-12&unit=${unit}` })).json();
      for (const k of ['biasa', 'elektronik', 'total'] as const) totals[k] += s[k];
    }
    expect(totals).toEqual({ biasa: 7_150, elektronik: 14_213, total: 21_363 });
    expect(
      (await ctx.db.select().from(issuanceHistory).where(eq(issuanceHistory.unitCode, 'KANIM-KUPANG'))).length,
    ).toBeGreaterThanOrEqual(24);
  });
});
