import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { birthDatesFrom, makeUnit } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { makeDetainee, makeRefugee, officerCaller } from '../detention/test-support.ts';
import { callApi, makeEnforcementUnit, openReportCase } from '../enforcement/test-support.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { timporaOperations } from '../timpora/schema.ts';
import { kupangVillage, makeOperation, makeTeam } from '../timpora/test-support.ts';
import { oversightFigures, type OversightRow } from './oversight-figures.ts';

/** Birth dates from 1925 on, one per person, where no other test of these features puts people. */
const born = birthDatesFrom(1925);

describeApp('open figures on oversight, administrative action and detention', (ctx) => {
  const today = witaDate();
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  const of = (rows: OversightRow[], unitCode: string) =>
    rows
      .filter((r) => r.unitCode === unitCode)
      .map(({ section, category, nationality, count }) => ({ section, category, nationality, count }));

  it('counts operations, violations, decisions, deportations, detainees and refugees, naming nobody', async () => {
    const u = await makeEnforcementUnit(ctx.db);
    const operation = await makeOperation(ctx.db, [await makeTeam(ctx.db, { unitCode: u.unitCode })]);
    await ctx.db
      .update(timporaOperations)
      .set({ startsOn: today, endsOn: today })
      .where(eq(timporaOperations.id, operation.id));
    const village = await kupangVillage(ctx.db);
    const check = (nationality: string, violation?: string) =>
      callApi(ctx.app, u.officerToken, 'POST', `/api/v1/oversight/operations/${operation.id}/findings`, {
        villageCode: village,
        nationality,
        ...(violation ? { outcome: 'secured', violation } : { outcome: 'no_violation' }),
      });
    for (const n of ['TLS', 'TLS', 'TLS']) expect((await check(n, 'illegal_entry')).status).toBe(200);
    expect((await check('AUS', 'no_document')).status).toBe(200);
    await check('AUS');

    const person = await makeForeigner(ctx.db, { surname: 'SECRETNAME', nationality: 'CHN', birthDate: born() });
    const opened = (await openReportCase(ctx.app, u.officerToken, u.unitCode, person.id)).body;
    const act = (token: string, body: Record<string, unknown>) =>
      callApi(ctx.app, token, 'POST', `/api/v1/enforcement/cases/${opened.id}/actions`, body);
    await act(u.officerToken, { step: 'examine', examinedOn: today, examiner: 'A', place: 'Kanim', statement: 'B' });
    await act(u.headToken, { step: 'opine', opinion: 'C', proposed: ['charge'] });
    const decided = await act(u.otherHeadToken, {
      step: 'decide',
      decisionNumber: 'D-1',
      measures: [{ type: 'charge' }],
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    const rudenim = (await makeUnit(ctx.db, { kind: 'rudenim', services: ['detention'] })).code;
    const keeper = await officerCaller(ctx.db, 'oversight_officer', rudenim);
    for (let i = 0; i < 3; i++)
      await makeDetainee(
        ctx.db,
        keeper,
        { unitCode: rudenim, authorityUnitCode: rudenim, placedOn: today, block: 'single' },
        { nationality: 'BGD', issuingState: 'BGD', sex: 'M', birthDate: born() },
      );
    await makeRefugee(ctx.db, keeper, { unitCode: rudenim }, { birthDate: born() });

    const rows = await oversightFigures(ctx.db, year);
    // Other tests' operations and detainees may share the database: only this test's units are judged.
    const ours = rows.filter((r) => r.unitCode === u.unitCode || r.unitCode === rudenim);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((r) => r.month === month)).toBe(true);
    expect(of(rows, u.unitCode)).toEqual(
      expect.arrayContaining([
        { section: 'operations', category: '', nationality: '', count: 1 },
        { section: 'checked', category: '', nationality: '', count: 5 },
        { section: 'violations', category: 'illegal_entry', nationality: '', count: 3 },
        { section: 'violations', category: 'no_document', nationality: '', count: 1 },
        { section: 'violations_by_nationality', category: '', nationality: 'TLS', count: 3 },
        // One Australian: too few to show, added up as OTHER (as the one Chinese decision below).
        { section: 'violations_by_nationality', category: '', nationality: 'OTHER', count: 1 },
        { section: 'decisions', category: 'charge', nationality: 'OTHER', count: 1 },
      ]),
    );
    expect(of(rows, rudenim)).toEqual(
      expect.arrayContaining([
        { section: 'detention_placed', category: '', nationality: '', count: 3 },
        { section: 'occupancy', category: 'single', nationality: 'BGD', count: 3 },
        { section: 'occupancy_people', category: 'men', nationality: '', count: 3 },
        { section: 'refugees', category: 'under_oversight', nationality: 'OTHER', count: 1 },
      ]),
    );

    const api = await ctx.app.inject({ method: 'GET', url: `/api/v1/transparency?year=${year}` });
    expect(api.statusCode).toBe(200);
    const published = api.json<{ oversight: OversightRow[] }>().oversight;
    // Published as counted, but for counts of one or two people (operations are the office's own work, kept).
    const shown = (r: OversightRow) => r.section === 'operations' || r.count >= 3;
    expect(published).toEqual(expect.arrayContaining(ours.filter(shown)));
    const hidden = ours.filter((r) => !shown(r));
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) expect(published).not.toContainEqual(r);
    const page = await new Browser(ctx.app).get(`/transparansi?year=${year}`);
    expect(page.body).toContain('Penghuni Rudenim');
    const csv = await new Browser(ctx.app).get(`/transparansi/pengawasan.csv?year=${year}`);
    expect(csv.body).toContain(`occupancy,${month},${rudenim},single,BGD,3`);
    for (const body of [api.body, page.body, csv.body]) {
      expect(body).not.toContain('SECRETNAME');
      expect(body).not.toContain(person.doc.documentNumber);
    }
  });
});
