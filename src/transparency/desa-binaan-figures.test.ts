import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeUnit } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { villageActivities } from '../adopted-villages/schema.ts';
import { freeVillage, makeAdoptedVillage } from '../adopted-villages/test-support.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { makeTip } from '../village-tips/test-support.ts';
import { desaBinaanFigures, type DesaBinaanRow } from './desa-binaan-figures.ts';

describeApp('open figures of Desa Binaan', (ctx) => {
  const today = witaDate();
  const year = Number(today.slice(0, 4));
  const of = (rows: DesaBinaanRow[], unitCode: string) =>
    rows
      .filter((r) => r.unitCode === unitCode)
      .map(({ section, regencyCode, category, count }) => ({ section, regencyCode, category, count }));

  it('counts villages, activities, people reached and tips per office and regency, small rows of tips added up', async () => {
    const unit = await makeUnit(ctx.db, { kind: 'kanim' });
    const near = await freeVillage(ctx.db, { prefix: '53.05.' });
    const far = await freeVillage(ctx.db, { prefix: '53.06.' });
    for (const { villageCode } of [near, far])
      await makeAdoptedVillage(ctx.db, { villageCode, unitCode: unit.code, adoptedOn: `${year}-01-02` });
    await ctx.db.insert(villageActivities).values([
      {
        villageCode: near.villageCode,
        unitCode: unit.code,
        kind: 'outreach',
        status: 'held',
        heldOn: today,
        peopleReached: 120,
      },
      {
        villageCode: far.villageCode,
        unitCode: unit.code,
        kind: 'outreach',
        status: 'held',
        heldOn: today,
        peopleReached: 40,
      },
      { villageCode: far.villageCode, unitCode: unit.code, kind: 'service_visit', status: 'planned', heldOn: today },
    ]);
    for (let i = 0; i < 3; i += 1) await makeTip(ctx.db, { villageCode: near.villageCode });
    await makeTip(ctx.db, { villageCode: far.villageCode, reporterName: 'Yakobus Rahasia' });

    const rows = of(await desaBinaanFigures(ctx.db, { from: `${year}-01-01`, to: `${year}-12-31` }), unit.code);
    const [nearRegency, farRegency] = [near.villageCode.slice(0, 5), far.villageCode.slice(0, 5)];
    expect(rows).toEqual(
      expect.arrayContaining([
        { section: 'villages', regencyCode: nearRegency, category: '', count: 1 },
        { section: 'villages', regencyCode: farRegency, category: '', count: 1 },
        { section: 'activities', regencyCode: nearRegency, category: 'outreach', count: 1 },
        { section: 'activities', regencyCode: farRegency, category: 'outreach', count: 1 },
        { section: 'people_reached', regencyCode: nearRegency, category: '', count: 120 },
        { section: 'people_reached', regencyCode: farRegency, category: '', count: 40 },
        { section: 'tips', regencyCode: nearRegency, category: 'recruiter:open', count: 3 },
        // One tip in a regency could point at its sender: it is counted among the office's other regencies.
        { section: 'tips', regencyCode: 'OTHER', category: 'recruiter:open', count: 1 },
      ]),
    );
    expect(rows).toHaveLength(8);

    const browser = new Browser(ctx.app);
    const csv = await browser.get(`/transparansi/desa-binaan.csv?year=${year}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`tips,${unit.code},OTHER,recruiter:open,1`);
    const page = await browser.get(`/transparansi?year=${year}`);
    expect(page.body).toContain('Desa Binaan Imigrasi');
    expect(page.body).toContain('Calo atau perekrut: masih ditangani');
    for (const body of [csv.body, page.body]) expect(body).not.toContain('Yakobus');
    const api = await ctx.app.inject({ url: `/api/v1/transparency?year=${year}` });
    expect(api.json().desaBinaan).toEqual(
      expect.arrayContaining([
        { section: 'tips', unitCode: unit.code, regencyCode: 'OTHER', category: 'recruiter:open', count: 1 },
      ]),
    );
  });
});
