import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { ikmCategory, ikmFrom } from './compute-ikm.ts';
import { krejcieMorgan, sampleSize } from './sample-size.ts';
import { surveyResponses } from './schema.ts';

const tId = translator('id');
const codes = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
const scoresOf = (values: readonly number[]) =>
  Object.fromEntries(codes.map((c, i) => [c, values[i]!])) as Record<(typeof codes)[number], number>;
const all = (n: number) => scoresOf(Array<number>(9).fill(n));

describe('IKM arithmetic (PermenPANRB 14/2017)', () => {
  it('gives 100.00 A for all 4s and 25.00 D for all 1s', () => {
    expect(ikmFrom(Array<number>(9).fill(4))).toEqual({ ikm: 4, converted: 100, category: 'A', label: 'Sangat Baik' });
    expect(ikmFrom(Array<number>(9).fill(1))).toEqual({ ikm: 1, converted: 25, category: 'D', label: 'Tidak Baik' });
    expect(ikmFrom([3, 3])).toEqual({ ikm: null, converted: null, category: null, label: null });
  });

  it('weighs every element by exactly 1/9, which 0.111 understates enough to change the category', () => {
    // Eight elements at 3.5 and one at 3.8: Σ = 31.8, IKM = 31.8 / 9 = 3.5333…, converted 88.333… → A.
    const means = [3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.8];
    const exact = ikmFrom(means);
    expect(exact.ikm).toBeCloseTo(3.533333, 6);
    expect(exact.converted).toBeCloseTo(88.333333, 6);
    expect(exact).toMatchObject({ category: 'A', label: 'Sangat Baik' });
    // With the rounded weight: 31.8 × 0.111 = 3.5298, × 25 = 88.245 → B.
    const rounded = means.reduce((s, m) => s + m * 0.111, 0) * 25;
    expect(rounded).toBeCloseTo(88.245, 6);
    expect(ikmCategory(rounded)).toBe('B');
  });

  it('puts the boundaries where the regulation’s two-decimal table does', () => {
    expect([64.99, 65.0, 76.6, 76.61, 88.3, 88.31].map(ikmCategory)).toEqual(['D', 'C', 'C', 'B', 'B', 'A']);
    // Between the table's values the converted value is rounded to hundredths first.
    expect([64.994, 64.995, 76.604, 76.605, 88.304, 88.305].map(ikmCategory)).toEqual(['D', 'C', 'C', 'B', 'B', 'A']);
    expect(ikmFrom(Array<number>(9).fill(2.6))).toMatchObject({ category: 'C', label: 'Kurang Baik' });
  });

  it('sizes the sample as Krejcie and Morgan', () => {
    expect([100, 1000, 10000, 0].map(krejcieMorgan)).toEqual([80, 278, 370, 0]);
    expect(sampleSize(100, 30)).toEqual({ population: 100, sample: 80, respondents: 30, stillNeeded: 50 });
    expect(sampleSize(100, 95).stillNeeded).toBe(0);
  });
});

describeApp('satisfaction survey: the IKM and its report', (ctx) => {
  const today = witaDate();
  const officer = (role: OfficerRole, unitCode: string) => makeOfficer(ctx.db, { role, unitCode });

  it('computes the IKM of a unit and the units below it, for WITA days, as computed by hand', async () => {
    const unit = await makeUnit(ctx.db);
    const post = await makeUnit(ctx.db, { parentCode: unit.code, kind: 'pos' });
    const at = new Date();
    await ctx.db.insert(surveyResponses).values([
      { unitCode: unit.code, service: 'passport' as const, source: 'paper' as const, ...all(4), answeredAt: at },
      { unitCode: unit.code, service: 'home_visit' as const, source: 'paper' as const, ...all(3), answeredAt: at },
      {
        unitCode: post.code,
        service: 'passport' as const,
        source: 'paper' as const,
        ...scoresOf([2, 3, 4, 1, 2, 3, 4, 1, 2]),
        answeredAt: at,
      },
      // The moment before today's first WITA minute belongs to yesterday.
      {
        unitCode: unit.code,
        service: 'passport' as const,
        source: 'paper' as const,
        ...all(1),
        answeredAt: new Date(witaInstant(today).getTime() - 1),
      },
    ]);
    const ikm = await ctx.app.inject({ url: `/api/v1/ikm?unit=${unit.code}&from=${today}&to=${today}` });
    expect(ikm.statusCode).toBe(200);
    const result = ikm.json<{
      respondents: number;
      elements: { code: string; mean: number }[];
      ikm: number;
      converted: number;
      category: string;
      label: string;
    }>();
    // Means in thirds: 9, 10, 11, 8, 9, 10, 11, 8, 9 → Σ = 85/3, IKM = 85/27 = 3.1481…, converted 78.7037… → B.
    expect(result.respondents).toBe(3);
    expect(result.elements.map((e) => e.code)).toEqual([...codes]);
    expect(result.elements.map((e) => e.mean * 3)).toEqual(
      [9, 10, 11, 8, 9, 10, 11, 8, 9].map((n) => expect.closeTo(n, 9)),
    );
    expect(result.ikm).toBeCloseTo(85 / 27, 9);
    // The converted value as published, to hundredths: 78.7037… is 78.70.
    expect(result.converted).toBe(78.7);
    expect(result).toMatchObject({ category: 'B', label: 'Baik' });

    const onlyPost = (await ctx.app.inject({ url: `/api/v1/ikm?unit=${post.code}&from=${today}&to=${today}` })).json();
    // Σ 22 → IKM 22/9 = 2.444…, converted 61.11 → D.
    expect(onlyPost).toMatchObject({ respondents: 1, converted: 61.11, category: 'D' });
    const homeVisits = (
      await ctx.app.inject({ url: `/api/v1/ikm?unit=${unit.code}&service=home_visit&from=${today}&to=${today}` })
    ).json();
    expect(homeVisits).toMatchObject({ respondents: 1, ikm: 3, converted: 75, category: 'C', label: 'Kurang Baik' });
    const withYesterday = (
      await ctx.app.inject({ url: `/api/v1/ikm?unit=${unit.code}&from=${addDays(today, -1)}&to=${today}` })
    ).json();
    expect(withYesterday.respondents).toBe(4);
    const nobody = (
      await ctx.app.inject({ url: `/api/v1/ikm?unit=${unit.code}&from=2001-01-01&to=2001-01-31` })
    ).json();
    expect(nobody).toEqual({ respondents: 0, elements: [], ikm: null, converted: null, category: null, label: null });
    expect(
      (await ctx.app.inject({ url: `/api/v1/ikm?unit=${unit.code}&from=${today}&to=${addDays(today, -1)}` }))
        .statusCode,
    ).toBe(422);
    expect((await ctx.app.inject({ url: `/api/v1/ikm?unit=NO-SUCH-UNIT&from=${today}&to=${today}` })).statusCode).toBe(
      404,
    );
  });

  it('publishes the converted value to hundredths: 65.00, not the 64.99999999999999 binary arithmetic gives, and its category C', async () => {
    const unit = await makeUnit(ctx.db);
    // Five respondents whose element means are 4, 3.6, 2, 3.8, 1, 1.2, 3.4, 2.8, 1.6: Σ 23.4, IKM 2.6, converted 65.00.
    const columns = [
      [4, 4, 4, 4, 4],
      [4, 4, 4, 3, 3],
      [2, 2, 2, 2, 2],
      [4, 4, 4, 4, 3],
      [1, 1, 1, 1, 1],
      [2, 1, 1, 1, 1],
      [4, 4, 3, 3, 3],
      [3, 3, 3, 3, 2],
      [2, 2, 2, 1, 1],
    ];
    const means = columns.map((c) => c.reduce((s, n) => s + n, 0) / c.length);
    expect(ikmFrom(means).converted).not.toBe(65);
    const at = new Date();
    await ctx.db.insert(surveyResponses).values(
      [0, 1, 2, 3, 4].map((r) => ({
        unitCode: unit.code,
        service: 'passport' as const,
        source: 'paper' as const,
        ...scoresOf(columns.map((c) => c[r]!)),
        answeredAt: at,
      })),
    );
    const res = await ctx.app.inject({ url: `/api/v1/ikm?unit=${unit.code}&from=${today}&to=${today}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ respondents: 5, converted: 65, category: 'C', label: 'Kurang Baik' });
  });

  it('renders the IKM report as PDF and Excel for the unit’s officers and the auditor of any unit', async () => {
    const unit = await makeUnit(ctx.db);
    await ctx.db.insert(surveyResponses).values([
      {
        unitCode: unit.code,
        service: 'passport' as const,
        source: 'paper' as const,
        ...all(4),
        sex: 'F',
        education: 'sma',
      },
      {
        unitCode: unit.code,
        service: 'passport' as const,
        source: 'link' as const,
        ...scoresOf([3, 3, 3, 3, 3, 3, 3, 3, 4]),
        sex: 'F',
      },
    ]);
    const query = `from=${today}&to=${today}`;
    const auditor = { cookie: await sessionCookie(ctx.db, await officer('auditor', 'KANWIL-NTT')) };
    const pdf = await ctx.app.inject({ url: `/officer/units/${unit.code}/ikm.pdf?${query}`, headers: auditor });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const xlsx = await ctx.app.inject({
      url: `/officer/units/${unit.code}/ikm.xlsx?${query}`,
      headers: { cookie: await sessionCookie(ctx.db, await officer('verifier', unit.code)) },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain(`ikm-${unit.code}-${today}-${today}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('IKM')!;
    const cells = new Map<string, unknown>();
    sheet.eachRow((row) => cells.set(row.getCell(1).text, row.getCell(2).value));
    // Means 3.5 × 8 and 4 → Σ = 32, IKM = 32/9 = 3.5556, converted 88.889 → A.
    expect(cells.get(tId('surveys.officer.ikm'))).toBeCloseTo(32 / 9, 9);
    expect(cells.get(tId('surveys.officer.converted'))).toBeCloseTo((32 / 9) * 25, 9);
    expect(cells.get(tId('surveys.officer.category'))).toBe('A');
    expect(cells.get(tId('surveys.report.label'))).toBe('Sangat Baik');
    expect(cells.get(tId('surveys.officer.respondents'))).toBe('2');
    expect(cells.get(tId('surveys.profile.sexes.F'))).toBe(2);

    const outsider = { cookie: await sessionCookie(ctx.db, await officer('head_of_office', 'KANIM-MAUMERE')) };
    expect(
      (await ctx.app.inject({ url: `/officer/units/${unit.code}/ikm.pdf?${query}`, headers: outsider })).statusCode,
    ).toBe(403);
    expect(
      (await ctx.app.inject({ url: `/officer/units/${unit.code}/ikm.xlsx?${query}`, headers: outsider })).statusCode,
    ).toBe(403);
  });
});
