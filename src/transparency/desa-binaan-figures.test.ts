import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeUnit } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { villageActivities } from '../adopted-villages/schema.ts';
import { freeVillage, makeAdoptedVillage } from '../adopted-villages/test-support.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { makeTip } from '../village-tips/test-support.ts';
import { desaBinaanFigures, type DesaBinaanRow } from './desa-binaan-figures.ts';

describeApp('open figures of Desa Binaan', (ctx) => {
  const today = witaDate();
  // A day of last month: tips and deferrals are counted up to the last whole month.
  const day = addDays(`${today.slice(0, 7)}-01`, -15);
  const year = Number(day.slice(0, 4));
  const at = witaInstant(day, '10:00');
  const of = (rows: DesaBinaanRow[], unitCode: string) =>
    rows
      .filter((r) => r.unitCode === unitCode)
      .map(({ section, regencyCode, category, count }) => ({ section, regencyCode, category, count }));
  const adopt = async (unitCode: string, prefix: string) => {
    const { villageCode } = await freeVillage(ctx.db, { prefix });
    await makeAdoptedVillage(ctx.db, { villageCode, unitCode, adoptedOn: `${year}-01-01` });
    return villageCode;
  };

  it('counts villages, activities, people reached and settled tips per office and regency, small rows added up', async () => {
    const unit = await makeUnit(ctx.db, { kind: 'kanim' });
    const [near, far, third] = [
      await adopt(unit.code, '53.05.'),
      await adopt(unit.code, '53.06.'),
      await adopt(unit.code, '53.07.'),
    ];
    await ctx.db.insert(villageActivities).values([
      { villageCode: near, unitCode: unit.code, kind: 'outreach', status: 'held', heldOn: day, peopleReached: 120 },
      { villageCode: far, unitCode: unit.code, kind: 'outreach', status: 'held', heldOn: day, peopleReached: 40 },
      { villageCode: far, unitCode: unit.code, kind: 'service_visit', status: 'planned', heldOn: day },
    ]);
    for (let i = 0; i < 3; i += 1) await makeTip(ctx.db, { villageCode: near }, undefined, at);
    await makeTip(ctx.db, { villageCode: far, reporterName: 'Yakobus Rahasia' }, undefined, at);
    for (let i = 0; i < 2; i += 1) await makeTip(ctx.db, { villageCode: third }, undefined, at);
    // This month's tip waits for the month's end.
    await makeTip(ctx.db, { villageCode: near });

    const rows = of(await desaBinaanFigures(ctx.db, { from: `${year}-01-01`, to: `${year}-12-31` }, today), unit.code);
    const regency = (code: string) => code.slice(0, 5);
    expect(rows).toEqual(
      expect.arrayContaining([
        { section: 'villages', regencyCode: regency(near), category: '', count: 1 },
        { section: 'villages', regencyCode: regency(far), category: '', count: 1 },
        { section: 'activities', regencyCode: regency(near), category: 'outreach', count: 1 },
        { section: 'activities', regencyCode: regency(far), category: 'outreach', count: 1 },
        { section: 'people_reached', regencyCode: regency(near), category: '', count: 120 },
        { section: 'people_reached', regencyCode: regency(far), category: '', count: 40 },
        { section: 'tips', regencyCode: regency(near), category: 'recruiter:open', count: 3 },
        // One tip in one regency and two in another could each point at a sender: counted together as OTHER.
        { section: 'tips', regencyCode: 'OTHER', category: 'recruiter:open', count: 3 },
      ]),
    );
    expect(rows).toHaveLength(9);

    const browser = new Browser(ctx.app);
    const csv = await browser.get(`/transparansi/desa-binaan.csv?year=${year}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`tips,${unit.code},OTHER,recruiter:open,3`);
    const page = await browser.get(`/transparansi?year=${year}`);
    expect(page.body).toContain('Desa Binaan Imigrasi');
    expect(page.body).toContain('Calo atau perekrut: masih ditangani');
    for (const body of [csv.body, page.body]) expect(body).not.toContain('Yakobus');
    const api = await ctx.app.inject({ url: `/api/v1/transparency?year=${year}` });
    expect(api.json().desaBinaan).toEqual(
      expect.arrayContaining([
        { section: 'tips', unitCode: unit.code, regencyCode: 'OTHER', category: 'recruiter:open', count: 3 },
      ]),
    );
  });

  it('leaves out an office’s small rows that stay under three once added up', async () => {
    const unit = await makeUnit(ctx.db, { kind: 'kanim' });
    const village = await adopt(unit.code, '53.08.');
    await makeTip(ctx.db, { villageCode: village }, undefined, at);
    const rows = of(await desaBinaanFigures(ctx.db, { from: `${year}-01-01`, to: `${year}-12-31` }, today), unit.code);
    expect(rows.filter((r) => r.section === 'tips')).toEqual([]);
    expect(rows).toContainEqual({ section: 'villages', regencyCode: village.slice(0, 5), category: '', count: 1 });
  });
});
