import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { birthDatesFrom, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { crossings } from '../border/schema.ts';
import { placeDetainee } from '../detention/place-detainee.ts';
import { detainees } from '../detention/schema.ts';
import { officerCaller, placementOf } from '../detention/test-support.ts';
import { makeCrossingPoint } from '../crossing-points/test-support.ts';
import { departures } from '../foreigners/schema.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import { scanOverstays } from '../overstays/scan-overstays.ts';
import { overstays } from '../overstays/schema.ts';
import { makeStayPermit as makeOverstayingPermit, overstayOf } from '../overstays/test-support.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { getStayPermit } from '../stay-permits/get-stay-permit.ts';
import { makeStayPermit } from '../stay-permits/test-support.ts';
import { kupangVillage, makeOperation, makeTeam } from '../timpora/test-support.ts';
import { watchlistEntries } from '../watchlist/schema.ts';
import { countDecisions, countDeportations } from './count-cases.ts';
import { enforcementCaseActions, enforcementMeasures } from './schema.ts';
import { callApi, makeEnforcementUnit, openReportCase } from './test-support.ts';

/** Birth dates from 1965 on, one per person, where no other test file puts people. */
const born = birthDatesFrom(1965);

describeApp('administrative action cases', (ctx) => {
  const today = witaDate();
  let u: Awaited<ReturnType<typeof makeEnforcementUnit>>;
  const person = (surname: string) =>
    makeForeigner(ctx.db, { surname, nationality: 'TLS', issuingState: 'TLS', birthDate: born() });
  const act = (token: string, id: string, body: Record<string, unknown>) =>
    callApi(ctx.app, token, 'POST', `/api/v1/enforcement/cases/${id}/actions`, body);
  const historyOf = (id: string) =>
    ctx.db.select().from(enforcementCaseActions).where(eq(enforcementCaseActions.caseId, id));

  let village: string;
  beforeAll(async () => {
    u = await makeEnforcementUnit(ctx.db);
    village = await kupangVillage(ctx.db);
  });

  async function crossingOf(foreignerId: string, status: 'refused' | 'cleared') {
    const [row] = await ctx.db
      .insert(crossings)
      .values({
        pointCode: 'TEST-POINT',
        unitCode: u.unitCode,
        direction: 'arrival',
        travellerKind: 'foreigner',
        documentKind: 'passport',
        documentNumber: 'X1',
        nationality: 'TLS',
        foreignerId,
        fullName: 'X',
        crossedOn: today,
        verdict: 'red',
        reasons: [],
        banEntryIds: [],
        status,
        recordedBy: u.officer.id,
      })
      .returning();
    return row!;
  }

  it('opens a case from a report, a finding, an overstay and a stopped crossing, each for the person it names', async () => {
    const reported = await person('LAPOR');
    const report = await openReportCase(ctx.app, u.officerToken, u.unitCode, reported.id);
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    expect(report.body.status).toBe('opened');
    const again = await openReportCase(ctx.app, u.officerToken, u.unitCode, reported.id);
    expect(again.body.error?.fields).toEqual({ foreignerId: expect.any(String) });

    const found = await person('TEMUAN');
    const operation = await makeOperation(ctx.db, [await makeTeam(ctx.db, { unitCode: u.unitCode })]);
    const check = (body: Record<string, unknown>) =>
      callApi(ctx.app, u.officerToken, 'POST', `/api/v1/oversight/operations/${operation.id}/findings`, {
        villageCode: village,
        ...body,
      });
    const clean = await check({ outcome: 'no_violation', nationality: 'AUS' });
    const caught = await check({
      outcome: 'secured',
      violation: 'overstay',
      nationality: 'TLS',
      documentNumber: found.doc.documentNumber,
    });
    expect(caught.status, JSON.stringify(caught.body)).toBe(200);
    const finding = { unitCode: u.unitCode, sourceKind: 'finding', sourceRef: caught.body.id, grounds: 'Temuan' };
    const open = (body: Record<string, unknown>) =>
      callApi(ctx.app, u.officerToken, 'POST', '/api/v1/enforcement/cases', body);
    expect((await open({ ...finding, sourceRef: crypto.randomUUID() })).body.error?.fields).toEqual({
      sourceRef: expect.any(String),
    });
    expect((await open({ ...finding, sourceRef: clean.body.id })).body.error?.fields).toEqual({
      sourceRef: expect.any(String),
    });
    const stranger = await person('ORANG LAIN');
    expect((await open({ ...finding, foreignerId: stranger.id })).body.error?.fields).toEqual({
      foreignerId: expect.any(String),
    });
    const requestId = crypto.randomUUID();
    const first = await open({ ...finding, requestId });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.foreignerId).toBe(found.id);
    expect((await open({ ...finding, requestId })).body.id).toBe(first.body.id);

    const permit = await makeOverstayingPermit(ctx.db, { validUntil: addDays(today, -5), unitCode: u.unitCode });
    await ctx.db.transaction((tx) => scanOverstays(tx, today));
    const overstay = await overstayOf(ctx.db, permit.permitId);
    const fromOverstay = await open({
      unitCode: u.unitCode,
      sourceKind: 'overstay',
      sourceRef: overstay!.id,
      grounds: 'Overstay',
    });
    expect(fromOverstay.status).toBe(201);
    expect(fromOverstay.body.foreignerId).toBe(permit.foreignerId);

    const held = await person('LINTAS');
    const cleared = await crossingOf(held.id, 'cleared');
    const refusedCleared = await open({
      unitCode: u.unitCode,
      sourceKind: 'crossing',
      sourceRef: cleared.id,
      grounds: 'x',
    });
    expect(refusedCleared.body.error?.fields).toEqual({ sourceRef: expect.any(String) });
    const refused = await crossingOf(held.id, 'refused');
    const fromCrossing = await open({
      unitCode: u.unitCode,
      sourceKind: 'crossing',
      sourceRef: refused.id,
      grounds: 'x',
    });
    expect(fromCrossing.status).toBe(201);
    expect(fromCrossing.body.foreignerId).toBe(held.id);
  });

  it('runs BAP → opinion → decision (four eyes) → execution → closed; refusals and resends change nothing', async () => {
    const who = await person('DEPORTASI');
    const permit = await makeStayPermit(ctx.db, { foreignerId: who.id, unitCode: u.unitCode });
    const opened = (await openReportCase(ctx.app, u.officerToken, u.unitCode, who.id)).body;
    const id = opened.id;
    const examine = { step: 'examine', examinedOn: today, examiner: 'Petugas A', place: 'Kanim', statement: 'Mengaku' };
    const requestId = crypto.randomUUID();
    expect((await act(u.officerToken, id, { ...examine, requestId })).body.status).toBe('examined');
    expect((await act(u.officerToken, id, { ...examine, requestId })).status).toBe(200);
    expect(await historyOf(id)).toHaveLength(2);
    const early = await act(u.headToken, id, { step: 'decide', decisionNumber: 'D-1', measures: [{ type: 'charge' }] });
    expect(early.body.error?.code).toBe('invalid_transition');
    expect(await historyOf(id)).toHaveLength(2);

    await act(u.headToken, id, { step: 'opine', opinion: 'Layak dideportasi', proposed: ['deportation'] });
    const until = addDays(today, 364);
    const decision = {
      step: 'decide',
      decisionNumber: 'W3.IMI.1-GR.01.01-2026',
      measures: [
        { type: 'deportation' },
        { type: 'listing', validUntil: until },
        { type: 'permit', permitId: permit.id },
      ],
    };
    const sameHead = await act(u.headToken, id, decision);
    expect(sameHead.body.error?.code).toBe('four_eyes_required');
    expect(await ctx.db.select().from(enforcementMeasures).where(eq(enforcementMeasures.caseId, id))).toHaveLength(0);
    const tooLong = { ...decision, measures: [{ type: 'listing', validUntil: addDays(today, 365 * 30) }] };
    expect((await act(u.otherHeadToken, id, tooLong)).body.error?.fields).toHaveProperty('validUntil');
    expect((await act(u.officerToken, id, decision)).status).toBe(403);

    const decided = await act(u.otherHeadToken, id, decision);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.status).toBe('decided');
    const listing = decided.body.measures.find((m) => m.type === 'listing')!;
    const [entry] = await ctx.db
      .select()
      .from(watchlistEntries)
      .where(eq(watchlistEntries.id, listing.watchlistEntryId!));
    expect(entry).toMatchObject({ list: 'entry', validUntil: until, sourceRef: id, foreignerId: who.id });

    const permitMeasure = decided.body.measures.find((m) => m.type === 'permit')!;
    await act(u.officerToken, id, { step: 'execute', measureId: permitMeasure.id });
    expect((await getStayPermit(ctx.db, permit.id)).status).toBe('cancelled');

    const deportation = decided.body.measures.find((m) => m.type === 'deportation')!;
    const noDetails = await act(u.officerToken, id, { step: 'execute', measureId: deportation.id });
    expect(noDetails.status).toBe(422);
    const rudenim = await officerCaller(ctx.db, 'oversight_officer', 'RUDENIM-KUPANG');
    const held = await ctx.db.transaction((tx) => placeDetainee(tx, rudenim, placementOf(who.id)));
    const airport = await makeCrossingPoint(ctx.db, { kind: 'air', unitCode: u.unitCode, name: 'Bandara El Tari' });
    const executed = await act(u.officerToken, id, {
      step: 'execute',
      measureId: deportation.id,
      deportation: {
        departOn: today,
        carrier: 'Citilink',
        ticketNumber: 'TKT-1',
        flightOrVessel: 'QG 123',
        crossingPointCode: airport.code,
        escorts: ['Petugas A', 'Petugas B'],
        embassy: 'Konsulat Timor-Leste di Kupang',
        letterNumber: 'W3.IMI.1-UM.01-2026',
      },
    });
    expect(executed.body.status).toBe('executed');
    const [left] = await ctx.db.select().from(departures).where(eq(departures.foreignerId, who.id));
    expect(left).toMatchObject({ departedOn: today, place: 'Bandara El Tari' });
    const [released] = await ctx.db.select().from(detainees).where(eq(detainees.id, held.id));
    expect(released).toMatchObject({ status: 'released', releasedOn: today, releaseReason: 'deported' });

    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, u.officer));
    const letter = await browser.get(`/officer/enforcement/cases/${id}/embassy-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.subarray(0, 4).toString()).toBe('%PDF');

    expect((await act(u.officerToken, id, { step: 'close' })).body.status).toBe('closed');
    expect((await act(u.officerToken, id, { step: 'close' })).body.error?.code).toBe('invalid_transition');

    const months = await countDecisions(ctx.db, { from: today, to: today });
    const mine = months.filter((r) => r.unitCode === u.unitCode && r.nationality === 'TLS');
    expect(mine.map((r) => r.measure).sort()).toEqual(['deportation', 'listing', 'permit']);
    const deported = await countDeportations(ctx.db, { from: today, to: today });
    expect(deported.find((r) => r.unitCode === u.unitCode)).toMatchObject({ nationality: 'TLS', deportations: 1 });
  });

  it('keeps each step’s date in order and ends the deported holder’s running permit on the day they left', async () => {
    const who = await person('URUTAN');
    const running = await makeStayPermit(ctx.db, { foreignerId: who.id, unitCode: u.unitCode });
    const id = (await openReportCase(ctx.app, u.officerToken, u.unitCode, who.id)).body.id;
    const examine = { step: 'examine', examiner: 'A', place: 'Kanim', statement: 'B' };
    const future = await act(u.officerToken, id, { ...examine, examinedOn: addDays(today, 1) });
    expect(future.body.error?.fields).toEqual({ examinedOn: 'Tanggal ini tidak boleh sesudah hari ini.' });
    expect((await act(u.officerToken, id, { ...examine, examinedOn: addDays(today, -10) })).status).toBe(422);
    await act(u.officerToken, id, { ...examine, examinedOn: today });
    await act(u.headToken, id, { step: 'opine', opinion: 'C', proposed: ['deportation'] });
    const decide = { step: 'decide', decisionNumber: 'D-URUT', measures: [{ type: 'deportation' }] };
    const early = await act(u.otherHeadToken, id, { ...decide, decidedOn: addDays(today, -1) });
    expect(early.body.error?.fields).toEqual({ decidedOn: 'Tanggal ini tidak boleh sebelum langkah sebelumnya.' });
    const decided = await act(u.otherHeadToken, id, decide);
    const measureId = decided.body.measures[0]!.id;
    const airport = await makeCrossingPoint(ctx.db, { kind: 'air', unitCode: u.unitCode, name: 'Bandara Komodo' });
    const deportation = {
      departOn: addDays(today, -1),
      carrier: 'Wings Air',
      ticketNumber: 'TKT-2',
      crossingPointCode: airport.code,
      escorts: ['Petugas A'],
      embassy: 'Konsulat',
      letterNumber: 'L-2',
    };
    const before = await act(u.officerToken, id, { step: 'execute', measureId, deportation });
    expect(before.body.error?.fields).toHaveProperty('departOn');
    const done = await act(u.officerToken, id, {
      step: 'execute',
      measureId,
      deportation: { ...deportation, departOn: today },
    });
    expect(done.body.status).toBe('executed');
    expect(await getStayPermit(ctx.db, running.id)).toMatchObject({ status: 'ended', validUntil: today });
  });

  it('cuts a permit short to the decided end, within what it allowed', async () => {
    const who = await person('DIBATASI');
    const permit = await makeStayPermit(ctx.db, {
      foreignerId: who.id,
      unitCode: u.unitCode,
      validFrom: addDays(today, -30),
    });
    const id = (await openReportCase(ctx.app, u.officerToken, u.unitCode, who.id)).body.id;
    await act(u.officerToken, id, { step: 'examine', examinedOn: today, examiner: 'A', place: 'K', statement: 'B' });
    await act(u.headToken, id, { step: 'opine', opinion: 'C', proposed: ['permit'] });
    const decide = (validUntil: string) =>
      act(u.otherHeadToken, id, {
        step: 'decide',
        decisionNumber: 'D-BATAS',
        measures: [{ type: 'permit', permitId: permit.id, validUntil }],
      });
    expect((await decide(addDays(permit.validUntil, 1))).body.error?.fields).toHaveProperty('until_permit');
    // Never back into days already allowed: the holder would owe them as overstay.
    expect((await decide(addDays(today, -1))).body.error?.fields).toHaveProperty('until_permit');
    const decided = await decide(addDays(today, 30));
    expect(decided.body.status).toBe('decided');
    await act(u.officerToken, id, { step: 'execute', measureId: decided.body.measures[0]!.id });
    expect(await getStayPermit(ctx.db, permit.id)).toMatchObject({ status: 'ended', validUntil: addDays(today, 30) });
  });

  it('closes an overstay’s case once its charge is paid, not before', async () => {
    const permit = await makeOverstayingPermit(ctx.db, { validUntil: addDays(today, -3), unitCode: u.unitCode });
    await ctx.db.transaction((tx) => scanOverstays(tx, today));
    const overstay = await overstayOf(ctx.db, permit.permitId);
    const opened = await callApi(ctx.app, u.officerToken, 'POST', '/api/v1/enforcement/cases', {
      unitCode: u.unitCode,
      sourceKind: 'overstay',
      sourceRef: overstay!.id,
      grounds: 'Overstay 3 hari',
    });
    const id = opened.body.id;
    expect((await act(u.officerToken, id, { step: 'closePaid' })).body.error?.fields).toHaveProperty('closePaid');
    await ctx.db.update(overstays).set({ status: 'paid', paidAt: new Date() }).where(eq(overstays.id, overstay!.id));
    const shown = await callApi(ctx.app, u.officerToken, 'GET', `/api/v1/enforcement/cases/${id}`);
    expect(shown.body).toMatchObject({ overstayPaid: true, steps: expect.arrayContaining(['closePaid']) });
    expect((await act(u.officerToken, id, { step: 'closePaid' })).body.status).toBe('closed_paid');
  });

  it('refuses partners on every route, and officers outside the unit', async () => {
    const who = await person('MITRA');
    const id = (await openReportCase(ctx.app, u.officerToken, u.unitCode, who.id)).body.id;
    expect((await openReportCase(ctx.app, u.partnerToken, u.unitCode, who.id)).status).toBe(403);
    expect((await callApi(ctx.app, u.partnerToken, 'GET', '/api/v1/enforcement/cases')).status).toBe(403);
    expect((await callApi(ctx.app, u.partnerToken, 'GET', `/api/v1/enforcement/cases/${id}`)).status).toBe(403);
    expect((await act(u.partnerToken, id, { step: 'withdraw', reason: 'x' })).status).toBe(403);
    const partner = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, u.partner));
    expect((await partner.get('/officer/enforcement')).statusCode).toBe(403);
    expect((await partner.get(`/officer/enforcement/cases/${id}`)).statusCode).toBe(403);
    const elsewhere = await makeEnforcementUnit(ctx.db);
    expect((await callApi(ctx.app, elsewhere.headToken, 'GET', `/api/v1/enforcement/cases/${id}`)).status).toBe(403);
    expect((await act(elsewhere.headToken, id, { step: 'withdraw', reason: 'x' })).status).toBe(403);
    expect(await historyOf(id)).toHaveLength(1);
  });
});
