import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { birthDatesFrom, makeNik, makeOfficer } from '../../test/factories.ts';
import { auditFor } from '../accounts/test-support.ts';
import { bearerOf, makeBorderPass } from '../border-passes/test-support.ts';
import { readTravelDocumentMrz, type TravelDocumentFields } from '../foreigners/read-travel-document-mrz.ts';
import { makeForeigner, makeTravelDocument, mrzOf } from '../foreigners/test-support.ts';
import { overstays } from '../overstays/schema.ts';
import { makeStayPermit, overstayOf, overstaysOf } from '../overstays/test-support.ts';
import { passports } from '../passports/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { makeBanEntry } from '../watchlist/test-support.ts';
import { crossingDailyCounts, crossings } from './schema.ts';
import { makeDesk, postCrossing } from './test-support.ts';

/** Birth dates from 1930 on, one per person, where no other test of this file's features puts people. */
const born = birthDatesFrom(1930);

describeApp('the crossing desk’s verdicts', (ctx) => {
  const today = witaDate();
  /** A passport Sikoe printed for the NIK (the printing itself is the passports feature's tests' business). */
  const insertSikoePassport = async (doc: TravelDocumentFields, nik: string) => {
    const [mrz1, mrz2] = mrzOf(doc).split('\n');
    await ctx.db.insert(passports).values({
      number: doc.documentNumber,
      applicationId: crypto.randomUUID(),
      type: 'biasa',
      unitCode: 'KANIM-ATAMBUA',
      holderName: `${doc.givenNames} ${doc.surname}`,
      nik,
      birthDate: doc.birthDate,
      sex: 'M',
      issueDate: addDays(today, -30),
      expiryDate: doc.expiresOn!,
      mrz1: mrz1!,
      mrz2: mrz2!,
    });
  };
  const countsAt = async (pointCode: string) =>
    ctx.db.select().from(crossingDailyCounts).where(eq(crossingDailyCounts.pointCode, pointCode));

  it('clears a valid passport green, counts it, and records the foreigner’s arrival once for a resend', async () => {
    const desk = await makeDesk(ctx.db);
    const doc = makeTravelDocument({ nationality: 'TLS', issuingState: 'TLS', birthDate: born() });
    const body = { direction: 'arrival', scan: mrzOf(doc), requestId: crypto.randomUUID() };
    const first = await postCrossing(ctx.app, desk.officerToken, desk.point.code, body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ verdict: 'green', status: 'cleared', reasons: [] });
    const again = await postCrossing(ctx.app, desk.officerToken, desk.point.code, body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const rows = await ctx.db.select().from(crossings).where(eq(crossings.pointCode, desk.point.code));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ travellerKind: 'foreigner', documentKind: 'passport', nationality: 'TLS' });
    expect(rows[0]!.foreignerId).toBeTruthy();
    expect(await countsAt(desk.point.code)).toEqual([
      expect.objectContaining({ day: today, direction: 'arrival', travellerKind: 'foreigner', count: 1 }),
    ]);
  });

  it('refuses a request id reused for another traveller or direction, recording nothing', async () => {
    const desk = await makeDesk(ctx.db);
    const requestId = crypto.randomUUID();
    const first = makeTravelDocument({ birthDate: born() });
    const made = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'arrival',
      scan: mrzOf(first),
      requestId,
    });
    expect(made.status).toBe(201);
    const other = makeTravelDocument({ birthDate: born() });
    for (const body of [
      { direction: 'arrival', scan: mrzOf(other) },
      { direction: 'departure', scan: mrzOf(first) },
    ]) {
      const reused = await postCrossing(ctx.app, desk.officerToken, desk.point.code, { ...body, requestId });
      expect(reused.status, JSON.stringify(body)).toBe(409);
      expect(reused.body.error).toMatchObject({
        code: 'conflict',
        fields: { scan: expect.stringContaining('Formulir') },
      });
    }
    const rows = await ctx.db.select().from(crossings).where(eq(crossings.pointCode, desk.point.code));
    expect(rows.map((r) => r.id)).toEqual([made.body.id]);
  });

  it('holds an expired passport red and locks the desk for that traveller until a decision', async () => {
    const desk = await makeDesk(ctx.db);
    const doc = makeTravelDocument({ birthDate: born(), expiresOn: addDays(today, -1) });
    const res = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(doc),
    });
    expect(res.body).toMatchObject({
      verdict: 'red',
      status: 'held',
      reasons: [{ code: 'document_expired', level: 'red' }],
    });
    const again = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(doc),
    });
    expect(again.status).toBe(422);
    expect(again.body.error?.fields).toEqual({
      scan: 'Pelintas ini sedang ditahan untuk pemeriksaan lanjutan: tunggu putusan supervisor.',
    });
    expect(await ctx.db.select().from(crossings).where(eq(crossings.pointCode, desk.point.code))).toHaveLength(1);
    expect(await countsAt(desk.point.code)).toEqual([]);
    expect(await auditFor(ctx.db, res.body.id, 'crossing.held')).toHaveLength(1);
  });

  it('keeps the desk locked for a held traveller on another document: a close name with the birth date, or the NIK', async () => {
    const desk = await makeDesk(ctx.db);
    const birthDate = born();
    const expired = makeTravelDocument({ givenNames: 'MOHAMAD RIZAL', surname: 'EFFENDI', birthDate });
    expired.expiresOn = addDays(today, -1);
    const held = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(expired),
    });
    expect(held.body).toMatchObject({ verdict: 'red', status: 'held' });
    const secondPassport = makeTravelDocument({
      nationality: 'TLS',
      issuingState: 'TLS',
      givenNames: 'MUHAMMAD RIZAL',
      surname: 'EFENDI',
      birthDate,
    });
    const refused = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(secondPassport),
    });
    expect(refused.status).toBe(422);
    const someoneElse = makeTravelDocument({ givenNames: 'YOHANES', surname: 'BRIA', birthDate });
    const cleared = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(someoneElse),
    });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(201);

    // A PLB holder held where the counterpart refuses PLBs, then trying a passport Sikoe printed for their NIK.
    const refusing = await makeDesk(ctx.db, { plbAccepted: false });
    const issuer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA' });
    const pass = await makeBorderPass(ctx.db, ctx.app.deps.storage, issuer, { birthDate: born() });
    const plb = await postCrossing(ctx.app, refusing.officerToken, refusing.point.code, {
      direction: 'departure',
      scan: pass.number,
    });
    expect(plb.body).toMatchObject({ verdict: 'red', status: 'held' });
    const passport = makeTravelDocument({
      nationality: 'IDN',
      issuingState: 'IDN',
      surname: 'LAIN',
      birthDate: born(),
    });
    await insertSikoePassport(passport, pass.nik);
    const byNik = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(passport),
    });
    expect(byNik.status).toBe(422);
  });

  it('holds a citizen leaving who matches the prevention list by a spelling variant, telling the desk nothing of the ban', async () => {
    const desk = await makeDesk(ctx.db);
    const birthDate = born();
    const entry = await makeBanEntry(ctx.db, { fullName: 'MUHAMMAD RIZAL EFENDI', birthDate });
    const doc = makeTravelDocument({
      nationality: 'IDN',
      issuingState: 'IDN',
      surname: 'EFFENDI',
      givenNames: 'MOHAMAD RIZAL',
      birthDate,
    });
    const res = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(doc),
    });
    expect(res.body).toMatchObject({
      verdict: 'red',
      status: 'held',
      reasons: [{ code: 'ban_match', level: 'red', params: { match: 'name_birth_date' } }],
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(entry.id);
    expect(text).not.toContain('Permintaan penyidik');
    expect(text).not.toContain('B-001/2025');
    const [row] = await ctx.db.select().from(crossings).where(eq(crossings.id, res.body.id));
    expect(row!.banEntryIds).toEqual([entry.id]);
    const [audit] = await auditFor(ctx.db, res.body.id, 'crossing.held');
    expect(audit!.details).toMatchObject({ banEntryIds: [entry.id], reasons: ['ban_match'] });
  });

  it('holds a citizen leaving on a passport Sikoe printed when the prevention list names them by NIK only', async () => {
    const desk = await makeDesk(ctx.db);
    const birthDate = born();
    const nik = makeNik(birthDate);
    const entry = await makeBanEntry(ctx.db, { fullName: 'NAMA LAIN SAMA SEKALI', nik });
    const doc = makeTravelDocument({ nationality: 'IDN', issuingState: 'IDN', surname: 'WIJAYA', birthDate });
    await insertSikoePassport(doc, nik);
    const res = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(doc),
    });
    expect(res.body).toMatchObject({
      verdict: 'red',
      status: 'held',
      reasons: [{ code: 'ban_match', level: 'red', params: { match: 'nik' } }],
    });
    const [row] = await ctx.db.select().from(crossings).where(eq(crossings.id, res.body.id));
    expect(row).toMatchObject({ nik, banEntryIds: [entry.id] });
  });

  it('holds a PLB at a point whose counterpart refuses it today, and clears one where it is accepted', async () => {
    const refusing = await makeDesk(ctx.db, { plbAccepted: false });
    const accepting = await makeDesk(ctx.db, { plbAccepted: true });
    const issuer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA' });
    const pass = await makeBorderPass(ctx.db, ctx.app.deps.storage, issuer, { birthDate: born() });
    const red = await postCrossing(ctx.app, refusing.officerToken, refusing.point.code, {
      direction: 'departure',
      scan: pass.number,
    });
    expect(red.body).toMatchObject({ verdict: 'red', reasons: [{ code: 'plb_not_usable' }] });
    const pass2 = await makeBorderPass(ctx.db, ctx.app.deps.storage, issuer, { birthDate: born() });
    const green = await postCrossing(ctx.app, accepting.officerToken, accepting.point.code, {
      direction: 'departure',
      scan: `http://localhost/pas-lintas-batas/periksa/${pass2.token}`,
    });
    expect(green.body).toMatchObject({ verdict: 'green', returnBy: addDays(today, 9) });
  });

  it('lets a citizen come home on a PLB where the counterpart refuses it, recording the refusal amber', async () => {
    const refusing = await makeDesk(ctx.db, { plbAccepted: false });
    const issuer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA' });
    const pass = await makeBorderPass(ctx.db, ctx.app.deps.storage, issuer, { birthDate: born() });
    const home = await postCrossing(ctx.app, refusing.officerToken, refusing.point.code, {
      direction: 'arrival',
      scan: pass.number,
    });
    expect(home.status, JSON.stringify(home.body)).toBe(201);
    expect(home.body).toMatchObject({
      verdict: 'green',
      status: 'cleared',
      reasons: [{ code: 'plb_not_accepted', level: 'amber', text: expect.stringContaining('paspor') }],
    });
  });

  it('charges a foreigner leaving with a lapsed permit before any scan did, red while owed, amber once paid', async () => {
    const desk = await makeDesk(ctx.db);
    const owing = await makeForeigner(ctx.db, { birthDate: born() });
    const permit = await makeStayPermit(ctx.db, {
      foreignerId: owing.id,
      entryDate: addDays(today, -60),
      validUntil: addDays(today, -10),
    });
    const red = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(owing.doc),
    });
    expect(red.body).toMatchObject({
      verdict: 'red',
      status: 'held',
      reasons: [{ code: 'permit_expired', level: 'red', params: { date: addDays(today, -10) } }],
      charges: [{ days: 10, billingCode: expect.any(String) }],
    });
    expect(await overstayOf(ctx.db, permit.permitId)).toMatchObject({
      firstDay: addDays(today, -9),
      lastDay: today,
      days: 10,
      status: 'open',
    });

    // Every day up to today paid: the lapse is told, the traveller is not held, nothing new is charged.
    const paid = await makeForeigner(ctx.db, { birthDate: born() });
    const paidPermit = await makeStayPermit(ctx.db, {
      foreignerId: paid.id,
      entryDate: addDays(today, -60),
      validUntil: addDays(today, -3),
    });
    const period = {
      permitId: paidPermit.permitId,
      foreignerId: paid.id,
      unitCode: 'KANIM-KUPANG',
      entryDate: addDays(today, -60),
      startedOn: addDays(today, -2),
      firstDay: addDays(today, -2),
      lastDay: today,
      days: 3,
      dailyRate: 1_000_000,
      amount: 3_000_000,
      status: 'paid' as const,
    };
    await ctx.db.insert(overstays).values(period);
    const amber = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(paid.doc),
    });
    expect(amber.body).toMatchObject({
      verdict: 'green',
      status: 'cleared',
      reasons: [{ code: 'permit_expired_paid', level: 'amber' }],
      charges: [],
    });
    expect(await overstaysOf(ctx.db, paidPermit.permitId)).toEqual([expect.objectContaining({ status: 'paid' })]);
  });

  it('refuses a scan that is neither a readable MRZ nor a known PLB, and an officer of another office', async () => {
    const desk = await makeDesk(ctx.db);
    const unreadable = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'arrival',
      scan: 'P<TLSNOT<A<REAL<MRZ\n123',
    });
    expect(unreadable.status).toBe(422);
    const unknown = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'arrival',
      scan: 'PLB-ATAMBUA-ABCDEFGH',
    });
    expect(unknown.body.error?.fields).toMatchObject({ scan: expect.stringContaining('PLB') });
    const kupang = await bearerOf(
      ctx.db,
      await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' }),
    );
    const doc = makeTravelDocument({ birthDate: born() });
    const elsewhere = await postCrossing(ctx.app, kupang, desk.point.code, { direction: 'arrival', scan: mrzOf(doc) });
    expect(elsewhere.status).toBe(403);
    expect(
      await ctx.db
        .select()
        .from(crossings)
        .where(and(eq(crossings.pointCode, desk.point.code))),
    ).toHaveLength(0);
  });

  it('refuses a typed passport born after today, recording nothing', async () => {
    const desk = await makeDesk(ctx.db);
    const typed = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'arrival',
      documentNumber: 'X1234567',
      nationality: 'TLS',
      fullName: 'AMARAL JOAO',
      birthDate: addDays(today, 1),
      expiresOn: addDays(today, 365),
    });
    expect(typed.status).toBe(422);
    expect(typed.body.error?.fields).toEqual({ birthDate: expect.any(String) });
    expect(await ctx.db.select().from(crossings).where(eq(crossings.pointCode, desk.point.code))).toHaveLength(0);
  });

  it('reads an MRZ whatever line breaks the scanner keeps: CR LF, a lone CR, or none at all', async () => {
    const desk = await makeDesk(ctx.db);
    for (const join of ['\r\n', '\r', '']) {
      const doc = makeTravelDocument({ birthDate: born() });
      const scan = mrzOf(doc).replace('\n', join);
      const res = await postCrossing(ctx.app, desk.officerToken, desk.point.code, { direction: 'arrival', scan });
      expect(res.status, JSON.stringify({ join, body: res.body })).toBe(201);
      expect(res.body).toMatchObject({ verdict: 'green' });
      const [row] = await ctx.db.select().from(crossings).where(eq(crossings.id, res.body.id));
      expect(row!.documentNumber).toBe(doc.documentNumber);
    }
    // An ID card's three lines of 30 in one line (ICAO 9303's specimen, with a real state code).
    const td1 = 'I<AUSD231458907<<<<<<<<<<<<<<<7408122F1204159AUS<<<<<<<<<<<6ERIKSSON<<ANNA<MARIA<<<<<<<<<<';
    expect(readTravelDocumentMrz(td1, today)).toMatchObject({
      ok: true,
      fields: { documentNumber: 'D23145890', birthDate: '1974-08-12', surname: 'ERIKSSON' },
    });
  });

  it('publishes the day counts without personal data, on the API and the transparency page and CSV', async () => {
    const desk = await makeDesk(ctx.db);
    const doc = makeTravelDocument({ birthDate: born() });
    await postCrossing(ctx.app, desk.officerToken, desk.point.code, { direction: 'arrival', scan: mrzOf(doc) });
    const stats = await ctx.app.inject({
      url: `/api/v1/stats/crossings?from=${today}&to=${today}&point=${desk.point.code}`,
    });
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toEqual([
      {
        day: today,
        pointCode: desk.point.code,
        direction: 'arrival',
        travellerKind: 'foreigner',
        documentKind: 'passport',
        count: 1,
      },
    ]);
    expect(stats.body).not.toContain(doc.documentNumber);
    const tooLong = await ctx.app.inject({ url: `/api/v1/stats/crossings?from=2025-01-01&to=2026-06-01` });
    expect(tooLong.statusCode).toBe(422);
    const year = today.slice(0, 4);
    const csv = await ctx.app.inject({ url: `/transparansi/lintas-batas.csv?year=${year}` });
    expect(csv.body).toContain(`${today.slice(0, 7)},${desk.point.code},arrival,foreigner,passport,1`);
    const page = await ctx.app.inject({ url: `/transparansi?year=${year}` });
    expect(page.body).toContain(desk.point.code);
  });
});
