import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeUnit } from '../../test/factories.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import { makeLodging, makeStay } from '../lodgings/oversight-test-support.ts';
import { scanOverstays } from '../overstays/scan-overstays.ts';
import { makeStayPermit, overstayOf } from '../overstays/test-support.ts';
import { witaInstant } from '../platform/calendar/wita.ts';

describeApp('open figures on foreigners', (ctx) => {
  /** Stays at a lodging of the unit, through lodgings' own factories. */
  const lodge = async (unitCode: string, foreignerId: string, checkIns: { at: string; late: boolean }[]) => {
    const lodging = await makeLodging(ctx.db, { unitCode });
    for (const stay of checkIns)
      await makeStay(ctx.db, lodging, { foreignerId, checkInAt: new Date(stay.at), late: stay.late });
  };

  it('counts permits by type and nationality, lodging reports and late ones, and overstays per unit and month, naming nobody', async () => {
    const unitCode = (await makeUnit(ctx.db)).code;
    const people = await Promise.all(
      [0, 1, 2].map(() => makeForeigner(ctx.db, { nationality: 'AUS', surname: 'HIDDENNAME' })),
    );
    const lone = await makeForeigner(ctx.db, { nationality: 'NZL', issuingState: 'NZL', surname: 'LONELYNAME' });
    for (const p of people)
      await makeStayPermit(ctx.db, { foreignerId: p.id, entryDate: '2025-02-03', validUntil: '2025-04-03', unitCode });
    const overstaying = await makeStayPermit(ctx.db, {
      foreignerId: lone.id,
      entryDate: '2025-02-10',
      validUntil: '2025-03-10',
      unitCode,
    });
    // 23.30 WITA on 31 January is January; 00.30 WITA on 1 February is February, though still 31 January in UTC.
    await lodge(unitCode, people[0]!.id, [
      { at: '2025-01-31T23:30:00+08:00', late: false },
      { at: '2025-02-01T00:30:00+08:00', late: true },
      { at: '2025-02-05T10:00:00+08:00', late: false },
    ]);
    await ctx.db.transaction((tx) => scanOverstays(tx, '2025-03-15', witaInstant('2025-03-15')));
    const overstay = await overstayOf(ctx.db, overstaying.permitId);

    const res = await ctx.app.inject({ url: '/api/v1/transparency?year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json<{ foreigners: Record<string, { unitCode: string }[]> }>().foreigners;
    const mine = (rows: { unitCode: string }[]) => rows.filter((r) => r.unitCode === unitCode);
    // The lone New Zealander's OTHER, January's one report and February's two, the one overstay: all under three.
    expect(mine(figures.permits!)).toEqual([{ unitCode, month: '2025-02', type: 'itk', nationality: 'AUS', count: 3 }]);
    expect(mine(figures.lodgingReports!)).toEqual([]);
    expect(mine(figures.overstays!)).toEqual([]);

    const page = await ctx.app.inject({ url: '/transparansi?year=2025' });
    const csv = await ctx.app.inject({ url: '/transparansi/orang-asing.csv?year=2025' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`stay_permits,2025-02,${unitCode},itk,AUS,3`);
    expect(csv.body).not.toContain(`lodging_reports,2025-02,${unitCode}`);
    expect(page.body).toContain(unitCode);
    const secrets = [
      'HIDDENNAME',
      'LONELYNAME',
      'NZL',
      lone.id,
      lone.doc.documentNumber,
      ...people.map((p) => p.doc.documentNumber),
      overstaying.permitId,
      overstay!.billingCode!,
    ];
    for (const body of [res.body, page.body, csv.body]) for (const s of secrets) expect(body).not.toContain(s);
  });
});
