import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { travelDocuments } from '../foreigners/schema.ts';
import { makeForeigner, makeTravelDocument, mrzOf } from '../foreigners/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { apiAs } from '../queue/test-support.ts';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { stayPermitActions, stayPermits } from './schema.ts';
import { makeSponsor, makeStayPermit } from './test-support.ts';

const today = witaDate();

describeApp('stay permits: the office records and reads permits', (ctx) => {
  const as = async (account: Parameters<typeof sessionCookie>[1]) =>
    new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const permitsAt = (unitCode: string) => ctx.db.$count(stayPermits, eq(stayPermits.unitCode, unitCode));

  it('records a permit from a pasted MRZ, once per form, and shows it with its history on the unit page', async () => {
    const unit = await makeUnit(ctx.db);
    const officer = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }));
    const form = `/officer/units/${unit.code}/stay-permits/new`;
    const page = await officer.get(form);
    expect(page.statusCode).toBe(200);
    const requestId = /name="requestId" value="([^"]+)"/.exec(page.body)![1]!;
    const doc = makeTravelDocument({ surname: 'TANAKA', givenNames: 'YUKI', nationality: 'JPN', issuingState: 'JPN' });
    const fields = {
      mrz: mrzOf(doc),
      surname: '',
      nationality: '',
      issuingState: '',
      documentNumber: '',
      birthDate: '',
      type: 'itk',
      entryBasis: 'voa',
      visaIndex: 'B1',
      permitNumber: `VOA-${doc.documentNumber}`,
      entryDate: today,
      validFrom: today,
      validUntil: addDays(today, 20),
      sponsorId: '',
      responsiblePerson: '',
      requestId,
    };
    const saved = await officer.post(`/officer/units/${unit.code}/stay-permits`, fields);
    expect(saved.statusCode).toBe(303);
    const again = await officer.post(`/officer/units/${unit.code}/stay-permits`, fields, form);
    expect(again.headers.location).toBe(saved.headers.location);
    expect(await permitsAt(unit.code)).toBe(1);
    const shown = await officer.get(saved.headers.location as string);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('TANAKA, YUKI');
    expect(shown.body).toContain('Dicatat');

    const list = await officer.get(`/officer/units/${unit.code}/stay-permits`);
    expect(list.body).toContain('TANAKA, YUKI');
    expect((await officer.get(`/officer/units/${unit.code}/stay-permits?type=itas`)).body).not.toContain('TANAKA');
    const listings = await ctx.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, unit.code), eq(auditLog.action, 'stay_permit.list')))
      .orderBy(auditLog.id);
    expect(listings.map((l) => l.details)).toEqual([
      { type: null, endingWithin: null, rows: 1 },
      { type: 'itas', endingWithin: null, rows: 0 },
    ]);
    await makeStayPermit(ctx.db, { unitCode: unit.code, validUntil: addDays(today, 90) });
    const ending = await officer.get(`/officer/units/${unit.code}/stay-permits?ending=1`);
    expect(ending.body).toContain('TANAKA, YUKI');
    expect(ending.body).toContain('1 izin tinggal');
  });

  it('re-shows the form with every error and records nothing, for bad input or a missing sponsor', async () => {
    const unit = await makeUnit(ctx.db);
    const officer = await as(await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code }));
    const doc = makeTravelDocument();
    const res = await officer.post(
      `/officer/units/${unit.code}/stay-permits`,
      {
        mrz: '',
        surname: doc.surname,
        nationality: doc.nationality,
        issuingState: doc.issuingState,
        documentNumber: doc.documentNumber,
        birthDate: doc.birthDate,
        sex: 'M',
        type: 'itas',
        entryBasis: 'limited_stay_visa',
        entryDate: today,
        validFrom: today,
        validUntil: addDays(today, 180),
      },
      `/officer/units/${unit.code}/stay-permits/new`,
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('memerlukan penjamin');
    expect(await permitsAt(unit.code)).toBe(0);
    expect(await ctx.db.$count(travelDocuments, eq(travelDocuments.number, doc.documentNumber))).toBe(0);
    const bad = await officer.post(`/officer/units/${unit.code}/stay-permits`, { mrz: 'P<AUSNOT<A<REAL<MRZ' });
    expect(bad.statusCode).toBe(422);
    expect(await permitsAt(unit.code)).toBe(0);
  });

  it('refuses an officer of another unit and roles without the right, and records nothing for them', async () => {
    const unit = await makeUnit(ctx.db);
    const permit = await makeStayPermit(ctx.db, { unitCode: unit.code });
    const elsewhere = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' }));
    expect((await elsewhere.get(`/officer/units/${unit.code}/stay-permits`)).statusCode).toBe(403);
    expect((await elsewhere.get(`/officer/stay-permits/${permit.id}`)).statusCode).toBe(403);
    const { expiresOn: _expires, ...doc } = makeTravelDocument();
    const form = { type: 'itk', entryBasis: 'visa_free', ...doc, entryDate: today, validFrom: today };
    const posted = await elsewhere.post(
      `/officer/units/${unit.code}/stay-permits`,
      { ...form, validUntil: today },
      '/',
    );
    expect(posted.statusCode).toBe(403);
    const admin = await as(await makeOfficer(ctx.db, { role: 'admin', unitCode: unit.code }));
    expect((await admin.get(`/officer/stay-permits/${permit.id}`)).statusCode).toBe(403);
    expect(await permitsAt(unit.code)).toBe(1);
    expect(await ctx.db.$count(stayPermitActions, eq(stayPermitActions.permitId, permit.id))).toBe(1);
  });

  it('answers the API to the officers of the office and the sponsor’s members, auditing each reading', async () => {
    const api = apiAs(ctx.app, ctx.db);
    const member = await makeCitizen(ctx.db);
    const sponsor = await makeSponsor(ctx.db, { members: [member] });
    const { id: foreignerId } = await makeForeigner(ctx.db, { surname: 'MULLER' });
    const permit = await makeStayPermit(ctx.db, { foreignerId, sponsorId: sponsor.id });
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    const read = await api(officer, 'GET', `/api/v1/stay-permits/${permit.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      id: permit.id,
      holder: { surname: 'MULLER' },
      sponsor: { id: sponsor.id },
      daysLeft: 365,
      history: [{ type: 'granted', payload: { factory: true } }],
    });
    const asSponsor = await api(member, 'GET', `/api/v1/stay-permits/${permit.id}`);
    expect(asSponsor.statusCode).toBe(200);
    // The sponsor learns what happened and when, not the office's notes or who acted.
    expect(asSponsor.json().history).toEqual([
      { type: 'granted', at: expect.any(String), payload: {}, actorName: null },
    ]);
    expect((await api(await makeCitizen(ctx.db), 'GET', `/api/v1/stay-permits/${permit.id}`)).statusCode).toBe(403);
    const other = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-ATAMBUA' });
    expect((await api(other, 'GET', `/api/v1/stay-permits/${permit.id}`)).statusCode).toBe(403);
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.targetId, permit.id), eq(auditLog.action, 'stay_permit.view'))),
    ).toBe(2);
  });
});
