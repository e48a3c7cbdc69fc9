import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeUnit } from '../../test/factories.ts';
import { complaints } from '../complaints/schema.ts';
import { surveyResponses } from '../surveys/schema.ts';
import { complaintFigures } from './complaint-figures.ts';
import { transparencyReport } from './transparency-report.ts';
import { witaDate } from '../platform/calendar/wita.ts';

type Seeded = {
  unitCode: string;
  type?: 'complaint' | 'whistleblowing';
  status: string;
  receivedAt: string;
  firstAnsweredAt?: string;
  verifyDueOn?: string;
  answerDueOn?: string;
};

describeApp('transparency page', (ctx) => {
  let n = 0;
  const complaint = (c: Seeded) =>
    ctx.db.insert(complaints).values({
      trackingCode: `TR${Date.now().toString(36)}${n++}`.toUpperCase(),
      secretHash: 'x',
      channel: 'web',
      type: c.type ?? 'complaint',
      category: 'undue_delay',
      unitCode: c.unitCode,
      description: 'Paspor belum jadi',
      status: c.status as 'received',
      verifyDueOn: c.verifyDueOn ?? '2024-01-10',
      answerDueOn: c.answerDueOn ?? null,
      receivedAt: new Date(c.receivedAt),
      firstAnsweredAt: c.firstAnsweredAt ? new Date(c.firstAnsweredAt) : null,
    });

  it('counts received, resolved and overdue complaints and the median days to a first answer', async () => {
    const unit = await makeUnit(ctx.db);
    await complaint({
      unitCode: unit.code,
      status: 'closed',
      receivedAt: '2024-03-01T01:00:00Z',
      firstAnsweredAt: '2024-03-02T01:00:00Z',
    });
    await complaint({
      unitCode: unit.code,
      status: 'answered',
      receivedAt: '2024-03-04T01:00:00Z',
      firstAnsweredAt: '2024-03-07T01:00:00Z',
    });
    await complaint({
      unitCode: unit.code,
      status: 'forwarded',
      receivedAt: '2024-03-05T01:00:00Z',
      firstAnsweredAt: '2024-03-15T01:00:00Z',
    });
    await complaint({
      unitCode: unit.code,
      status: 'received',
      receivedAt: '2024-03-06T01:00:00Z',
      verifyDueOn: '2024-03-11',
    });
    await complaint({
      unitCode: unit.code,
      status: 'in_progress',
      receivedAt: '2024-03-06T01:00:00Z',
      verifyDueOn: '2024-03-11',
      answerDueOn: '2030-01-01',
    });
    // 31 December, 20:00 UTC is 1 January in WITA: next year's complaint.
    await complaint({ unitCode: unit.code, status: 'received', receivedAt: '2024-12-31T20:00:00Z' });
    const figures = await complaintFigures(ctx.db, {
      unitCodes: [unit.code],
      from: '2024-01-01',
      to: '2024-12-31',
      today: '2024-06-01',
      withWhistleblowing: false,
    });
    // First answers after 1, 3 and 10 days: the median is 3.
    expect(figures).toEqual({ received: 5, resolved: 3, overdue: 1, medianDaysToFirstAnswer: 3, whistleblowing: 0 });
    expect(
      await complaintFigures(ctx.db, {
        unitCodes: [unit.code],
        from: '2025-01-01',
        to: '2025-12-31',
        today: '2025-06-01',
        withWhistleblowing: false,
      }),
    ).toEqual({
      received: 1,
      resolved: 0,
      overdue: 1,
      medianDaysToFirstAnswer: null,
      whistleblowing: 0,
    });
  });

  it('counts whistle-blowing reports in the region only, never at the office of the officer reported', async () => {
    const unit = await makeUnit(ctx.db);
    await complaint({ unitCode: unit.code, status: 'received', receivedAt: '2024-04-01T01:00:00Z' });
    await complaint({
      unitCode: unit.code,
      type: 'whistleblowing',
      status: 'received',
      receivedAt: '2024-04-02T01:00:00Z',
    });
    const span = { unitCodes: [unit.code], from: '2024-01-01', to: '2024-12-31', today: '2024-06-01' };
    expect(await complaintFigures(ctx.db, { ...span, withWhistleblowing: false })).toMatchObject({
      received: 1,
      whistleblowing: 0,
    });
    expect(await complaintFigures(ctx.db, { ...span, withWhistleblowing: true })).toMatchObject({
      received: 2,
      whistleblowing: 1,
    });
    await complaint({
      unitCode: 'KANIM-KUPANG',
      type: 'whistleblowing',
      status: 'received',
      receivedAt: '2024-04-03T01:00:00Z',
    });
    const api = (await ctx.app.inject({ url: '/api/v1/transparency?year=2024' })).json();
    expect(api.units.every((u: { complaints: { whistleblowing: number } }) => u.complaints.whistleblowing === 0)).toBe(
      true,
    );
    expect(api.region.complaints.whistleblowing).toBeGreaterThanOrEqual(1);
  });

  it('publishes the IKM converted to hundredths: 65, not the 64.99999999999999 binary arithmetic gives', async () => {
    // Five respondents at Maumere in 2031 whose element means sum to 23.4: IKM 2.6, converted 65.00.
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
    await ctx.db.insert(surveyResponses).values(
      [0, 1, 2, 3, 4].map((r) => ({
        unitCode: 'KANIM-MAUMERE',
        service: 'passport' as const,
        source: 'paper' as const,
        answeredAt: new Date('2031-05-02T02:00:00Z'),
        ...Object.fromEntries(columns.map((c, i) => [`u${i + 1}`, c[r]!])),
      })) as (typeof surveyResponses.$inferInsert)[],
    );
    // A year no other test counts in, so asked of the report itself: the pages refuse years to come.
    const report = await transparencyReport(ctx.db, 2031);
    expect(report.units.find((u) => u.unitCode === 'KANIM-MAUMERE')!.ikm).toMatchObject({
      respondents: 5,
      converted: 65,
      category: 'C',
    });
  });

  it('shows the region and each office with IKM, charts and CSV, and no personal data', async () => {
    const scores = (v: number) => ({ u1: v, u2: v, u3: v, u4: v, u5: v, u6: v, u7: v, u8: v, u9: v });
    // Two answers at the post and two at the office: enough respondents (3 or more) for the index to be published.
    await ctx.db.insert(surveyResponses).values(
      (['POS-KEFAMENANU', 'KANIM-ATAMBUA', 'POS-KEFAMENANU', 'KANIM-ATAMBUA'] as const).map((unitCode, i) => ({
        unitCode,
        service: 'passport' as const,
        source: 'paper' as const,
        ...scores(unitCode === 'POS-KEFAMENANU' ? 4 : 3),
        answeredAt: new Date(`2024-05-0${i + 2}T02:00:00Z`),
      })),
    );
    await complaint({
      unitCode: 'KANIM-ATAMBUA',
      status: 'received',
      receivedAt: '2024-02-01T01:00:00Z',
      verifyDueOn: '2024-02-06',
    });
    const api = (await ctx.app.inject({ url: '/api/v1/transparency?year=2024' })).json();
    const atambua = api.units.find((u: { unitCode: string }) => u.unitCode === 'KANIM-ATAMBUA');
    // Atambua with its post Kefamenanu: means 3.5 on every element → IKM 3.5, converted 87.5, B.
    expect(atambua.ikm).toEqual({ respondents: 4, ikm: 3.5, converted: 87.5, category: 'B' });
    expect(atambua.complaints.received).toBeGreaterThanOrEqual(1);
    expect(api.units.map((u: { unitCode: string }) => u.unitCode).sort()).toEqual([
      'KANIM-ATAMBUA',
      'KANIM-KUPANG',
      'KANIM-LABUAN-BAJO',
      'KANIM-MAUMERE',
    ]);
    expect(api.region.unitCode).toBe('KANWIL-NTT');
    expect(api.region.ikm.respondents).toBeGreaterThanOrEqual(4);

    const page = await ctx.app.inject({ url: '/transparansi?year=2024' });
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<svg class="chart"/g)).toHaveLength(2);
    expect(page.body).toContain('87,50');
    expect(page.body).toContain('B (Baik)');
    const csv = await ctx.app.inject({ url: '/transparansi.csv?year=2024' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe(
      'year,unit_code,unit_name,complaints_received,complaints_resolved,complaints_overdue,median_days_to_first_answer,ikm_converted,ikm_category,ikm_respondents,passports_biasa,passports_elektronik,passports_total',
    );
    expect(csv.body).toMatch(/\n2024,KANIM-ATAMBUA,Kantor Imigrasi Atambua,\d+,\d+,\d+,[^,]*,87\.50,B,4,/);
    for (const body of [page.body, csv.body]) expect(body).not.toContain('Paspor belum jadi');
    expect((await ctx.app.inject({ url: '/transparansi?year=1999' })).statusCode).toBe(422);
  });

  it('refuses a year to come, which has no figures and would only be computed and stored', async () => {
    const next = Number(witaDate().slice(0, 4)) + 1;
    expect((await ctx.app.inject({ url: `/api/v1/transparency?year=${next}` })).statusCode).toBe(422);
    expect((await ctx.app.inject({ url: `/transparansi?year=${next}` })).statusCode).toBe(422);
  });
});
