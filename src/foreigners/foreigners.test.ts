import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { auditFor } from '../accounts/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { makeStayPermit } from '../stay-permits/test-support.ts';
import { TravelDocumentInput } from './inputs.ts';
import { readTravelDocumentMrz } from './read-travel-document-mrz.ts';
import { recordArrival } from './record-arrival.ts';
import { recordForeigners } from './record-foreigners.ts';
import { arrivals, departures, foreigners, travelDocuments } from './schema.ts';
import { makeForeigner, makeTravelDocument, mrzOf } from './test-support.ts';

describe('reading a travel document’s MRZ', () => {
  const doc = makeTravelDocument({ surname: 'MÜLLER', givenNames: 'ANNA', nationality: 'D<<', issuingState: 'D<<' });

  it('fills every field from both lines, pasted with spaces and in lower case', () => {
    const pasted = mrzOf({ ...doc, surname: 'MUELLER' })
      .toLowerCase()
      .replace('\n', ' \r\n  ');
    const reading = readTravelDocumentMrz(pasted, '2026-12-03');
    expect(reading).toEqual({
      ok: true,
      fields: { ...doc, surname: 'MUELLER', sex: 'M', birthDate: '1980-01-01', expiresOn: '2030-01-01' },
    });
  });

  it('puts a birth year in the last century when this century’s would be in the future', () => {
    const young = readTravelDocumentMrz(mrzOf({ ...doc, surname: 'X', birthDate: '2019-05-06' }), '2026-12-03');
    const old = readTravelDocumentMrz(mrzOf({ ...doc, surname: 'X', birthDate: '1950-05-06' }), '2026-12-03');
    expect(young.ok && young.fields.birthDate).toBe('2019-05-06');
    expect(old.ok && old.fields.birthDate).toBe('1950-05-06');
  });

  it('refuses a mistyped digit by its check digit, and text that is no MRZ', () => {
    const typo = mrzOf({ ...doc, surname: 'X' }).replace('8001014', '8001024');
    expect(readTravelDocumentMrz(typo, '2026-12-03')).toMatchObject({ ok: false, reason: 'check' });
    expect(readTravelDocumentMrz('hello\nworld', '2026-12-03')).toMatchObject({ ok: false, reason: 'format' });
  });

  it('lets a form send the MRZ alone, and names the MRZ field when it does not read', () => {
    const parsed = TravelDocumentInput.safeParse({ mrz: mrzOf({ ...doc, surname: 'MULLER' }) });
    expect(parsed.success && parsed.data.documentNumber).toBe(doc.documentNumber);
    const bad = TravelDocumentInput.safeParse({ mrz: 'P<AUS' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      'mrz',
      'foreigners.v.mrzFormat',
    ]);
  });
});

describeApp('the foreigners register', (ctx) => {
  it('finds one person for one passport however often and however concurrently it is reported', async () => {
    const doc = makeTravelDocument();
    const other = makeTravelDocument();
    const batches = await Promise.all(
      [0, 1, 2].map(() => ctx.db.transaction((tx) => recordForeigners(tx, [doc, other, doc]))),
    );
    const ids = new Set(batches.flat());
    expect(ids.size).toBe(2);
    expect(batches.every((b) => b[0] === b[2] && b[0] !== b[1])).toBe(true);
    const people = await ctx.db.select().from(foreigners).where(eq(foreigners.birthDate, doc.birthDate));
    expect(people.filter((p) => ids.has(p.id))).toHaveLength(2);
    const docs = await ctx.db.select().from(travelDocuments).where(eq(travelDocuments.number, doc.documentNumber));
    expect(docs).toHaveLength(1);
  });

  it('keeps people with the same passport number apart when nationality or birth date differ', async () => {
    const doc = makeTravelDocument();
    const ids = await ctx.db.transaction((tx) =>
      recordForeigners(tx, [doc, { ...doc, nationality: 'NZL' }, { ...doc, birthDate: '1981-01-01' }]),
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('shows an officer one person with their documents and permits through the API, the reading audited', async () => {
    const { id, doc } = await makeForeigner(ctx.db);
    const permit = await makeStayPermit(ctx.db, { foreignerId: id });
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-LABUAN-BAJO' });
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    const res = await browser.get(`/api/v1/foreigners/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      surname: doc.surname,
      documents: [{ number: doc.documentNumber, nationality: 'AUS' }],
      departures: [],
      permits: [{ id: permit.id, type: permit.type, status: 'active' }],
      stays: [],
    });
    expect(await auditFor(ctx.db, id, 'foreigner.view')).toHaveLength(1);
  });

  it('keeps each officer’s request ids their own when recording departures', async () => {
    const [first, second] = [await makeForeigner(ctx.db), await makeForeigner(ctx.db)];
    const departOf = async (id: string) => {
      const officer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
      const { token } = await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), officer.id, 'test'));
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/foreigners/${id}/departures`,
        headers: { authorization: `Bearer ${token}` },
        payload: { departedOn: '2026-01-02', place: 'Bandara El Tari', requestId: 'same-id-1' },
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await departOf(first.id);
    await departOf(second.id);
    for (const { id } of [first, second])
      expect(await ctx.db.select().from(departures).where(eq(departures.foreignerId, id))).toHaveLength(1);
  });

  it('records an arrival once per request id, never for a day after today, and never for an admin', async () => {
    const { id } = await makeForeigner(ctx.db);
    const officer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA' });
    const arrive = (arrivedOn: string, role: 'counter_officer' | 'admin' = 'counter_officer') =>
      ctx.db.transaction((tx) =>
        recordArrival(
          tx,
          { actor: { ...toActor(officer, 'session', true), role } },
          { foreignerId: id, arrivedOn, place: 'PLBN Motaain', requestId: `arrival-${arrivedOn}` },
        ),
      );
    const today = witaDate();
    const first = await arrive(today);
    expect(await arrive(today)).toEqual(first);
    await expect(arrive(addDays(today, 1))).rejects.toMatchObject({
      code: 'validation_failed',
      fields: { arrivedOn: 'foreigners.v.arrivalInFuture' },
    });
    await expect(arrive(addDays(today, -1), 'admin')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await ctx.db.select().from(arrivals).where(eq(arrivals.foreignerId, id))).toMatchObject([
      { arrivedOn: today, unitCode: 'KANIM-ATAMBUA', recordedBy: officer.id },
    ]);
    expect(await auditFor(ctx.db, id, 'foreigner.recordArrival')).toHaveLength(1);
  });

  it('links a renewed passport to the person, so reports under it find the same record with both documents', async () => {
    const { id, doc } = await makeForeigner(ctx.db);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    const { token } = await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), officer.id, 'test'));
    const renewed = makeTravelDocument({ birthDate: doc.birthDate, surname: 'SMITH JONES' });
    const link = (body: object) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/foreigners/${id}/documents`,
        headers: { authorization: `Bearer ${token}` },
        payload: body,
      });
    const linked = await link({ mrz: mrzOf(renewed) });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ surname: 'SMITH JONES', documents: [{}, {}] });
    expect(await ctx.db.transaction((tx) => recordForeigners(tx, [renewed]))).toEqual([id]);
    expect((await link({ mrz: mrzOf(renewed) })).statusCode).toBe(200);

    const someoneElse = await makeForeigner(ctx.db, { birthDate: doc.birthDate });
    const taken = await link({ mrz: mrzOf(someoneElse.doc) });
    expect(taken.statusCode).toBe(409);
    const otherBirth = await link({ mrz: mrzOf(makeTravelDocument({ birthDate: '1970-02-02' })) });
    expect(otherBirth.statusCode).toBe(422);
    const docs = await ctx.db.select().from(travelDocuments).where(eq(travelDocuments.foreignerId, id));
    expect(docs).toHaveLength(2);
    expect(await auditFor(ctx.db, id, 'foreigner.addDocument')).toHaveLength(1);
  });

  it('refuses admins, auditors and partners, and answers an unknown person with 404', async () => {
    const { id } = await makeForeigner(ctx.db);
    for (const role of ['admin', 'auditor', 'partner'] as const) {
      const account = await makeOfficer(ctx.db, { role, unitCode: 'KANIM-KUPANG' });
      const res = await new Browser(ctx.app)
        .setCookie(await sessionCookie(ctx.db, account))
        .get(`/api/v1/foreigners/${id}`);
      expect(res.statusCode).toBe(403);
    }
    expect(await auditFor(ctx.db, id, 'foreigner.view')).toHaveLength(0);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    const missing = await new Browser(ctx.app)
      .setCookie(await sessionCookie(ctx.db, head))
      .get(`/api/v1/foreigners/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
  });
});
