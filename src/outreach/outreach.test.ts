import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeCitizen, makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { jpeg } from '../../test/uploads.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { applications } from '../applications/schema.ts';
import { appointments, quotaOverrides } from '../appointments/schema.ts';
import { settleBilling } from '../appointments/settle-billing.ts';
import { billings } from '../payments/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { duties } from '../roster/schema.ts';
import { outreachActions, outreachSessions, sessionParticipants } from './schema.ts';
import { makeOutreachUnit, participantLines, requestBody, villageIn } from './test-support.ts';

describeApp('Eazy Paspor sessions: officer workflow', (ctx) => {
  const tokenOf = async (account: Account) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token;
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const sessionByCode = async (trackingCode: string) =>
    (await ctx.db.select().from(outreachSessions).where(eq(outreachSessions.trackingCode, trackingCode)))[0]!;
  const request = async (body: object) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/outreach/requests', payload: body });

  it('runs from request to approval, participants online and on site, the counter to printed, and the report', async () => {
    const { unit, head, officerA, officerB, kit } = await makeOutreachUnit(ctx.db);
    const sessionDate = await serviceDay(ctx.db, unit.code, 3);
    const village = await villageIn(ctx.db, '53.71');
    const lines = participantLines(2);
    const body = requestBody(unit.code, village, [sessionDate], { participantsText: lines.join('\n') });

    const first = await request(body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await request(body);
    expect(again.json()).toEqual(first.json());
    const trackingCode = first.json<{ trackingCode: string }>().trackingCode;
    expect(
      await ctx.db.select().from(outreachSessions).where(eq(outreachSessions.requestId, body.requestId)),
    ).toHaveLength(1);
    const requested = await sessionByCode(trackingCode);
    expect(requested).toMatchObject({ status: 'requested', unitCode: unit.code, villageCode: village });
    expect(
      await ctx.db.select().from(sessionParticipants).where(eq(sessionParticipants.sessionId, requested.id)),
    ).toHaveLength(2);

    // The head of office approves on the session page: date, capacity, two officers, the kit.
    const headBrowser = await as(head);
    const page = await headBrowser.get(`/officer/outreach/sessions/${requested.id}`);
    expect(page.body).toContain(officerA.name);
    expect(page.body).toContain(kit.name);
    const approved = await headBrowser.post(`/officer/outreach/sessions/${requested.id}/approve`, {
      date: sessionDate,
      capacity: '40',
      officerIds: [officerA.id, officerB.id],
      kitIds: kit.id,
      deliveryDate: '',
      deliveryMode: 'community',
    });
    expect(approved.statusCode, approved.body).toBe(303);
    const session = await sessionByCode(trackingCode);
    expect(session).toMatchObject({ status: 'approved', date: sessionDate, capacity: 40 });
    expect(session.sessionCode).toMatch(/^EP-[0-9A-Z]{6}$/);
    const onDuty = await ctx.db.select().from(duties).where(eq(duties.refId, session.id));
    expect(onDuty.map((d) => d.officerId ?? d.kitId).sort()).toEqual([officerA.id, officerB.id, kit.id].sort());
    expect(onDuty.every((d) => d.kind === 'session' && d.date === sessionDate)).toBe(true);
    const [override] = await ctx.db
      .select()
      .from(quotaOverrides)
      .where(
        and(
          eq(quotaOverrides.unitCode, unit.code),
          eq(quotaOverrides.date, sessionDate),
          eq(quotaOverrides.channel, 'eazy_paspor'),
        ),
      );
    expect(override?.capacity).toBe(40);
    const mails = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${body.contactEmail}`));
    expect(mails).toHaveLength(1);
    expect(JSON.stringify(mails[0]!.payload)).toContain(session.sessionCode!);

    // A participant applies with the session's code: booked on the session's date, in the Eazy Paspor channel.
    const citizen = await makeCitizen(ctx.db);
    const online = await makeApplication(ctx.db, {
      unitCode: unit.code,
      accountId: citizen.id,
      fullName: 'Theresia Nenobais',
    });
    const citizenBrowser = await as(citizen);
    await citizenBrowser.get(`/applications/${online.id}/eazy-paspor`);
    const joined = await citizenBrowser.post(`/applications/${online.id}/eazy-paspor`, {
      sessionCode: session.sessionCode!.toLowerCase().replace('-', ' '),
    });
    expect(joined.statusCode, joined.body).toBe(303);
    const [booking] = await ctx.db.select().from(appointments).where(eq(appointments.applicationId, online.id));
    expect(booking).toMatchObject({ date: sessionDate, unitCode: unit.code, channel: 'eazy_paspor', state: 'booked' });
    const [linked] = await ctx.db.select().from(applications).where(eq(applications.id, online.id));
    expect(linked).toMatchObject({ outreachSessionId: session.id, status: 'booked' });

    // On site, an officer registers someone with a submitted application; the resent form changes nothing.
    const walkIn = await makeApplication(ctx.db, { unitCode: unit.code });
    const desk = await as(officerA);
    await desk.get(`/officer/outreach/sessions/${session.id}`);
    const form = {
      requestId: crypto.randomUUID(),
      trackingCode: walkIn.trackingCode.toLowerCase(),
      birthDate: walkIn.birthDate!,
    };
    for (let i = 0; i < 2; i++)
      expect((await desk.post(`/officer/outreach/sessions/${session.id}/participants`, form)).statusCode).toBe(303);
    const participants = await ctx.db
      .select()
      .from(sessionParticipants)
      .where(eq(sessionParticipants.sessionId, session.id));
    expect(participants.filter((p) => p.applicationId === walkIn.id)).toMatchObject([
      { source: 'onsite', requestId: form.requestId },
    ]);
    expect(participants.filter((p) => p.applicationId === online.id)).toMatchObject([{ source: 'online' }]);
    expect(participants).toHaveLength(4);
    const registrations = await ctx.db
      .select()
      .from(outreachActions)
      .where(and(eq(outreachActions.subjectId, session.id), eq(outreachActions.type, 'participant_registered')));
    expect(registrations).toHaveLength(1);
    // Having never booked, the person registered on site gets the session's day, so the usual check-in works.
    const walkInBookings = await ctx.db.select().from(appointments).where(eq(appointments.applicationId, walkIn.id));
    expect(walkInBookings).toMatchObject([
      { date: sessionDate, unitCode: unit.code, channel: 'eazy_paspor', state: 'booked' },
    ]);
    expect(
      (
        await ctx.db.select({ status: applications.status }).from(applications).where(eq(applications.id, walkIn.id))
      )[0]!.status,
    ).toBe('booked');

    // The session's day: the participant has paid, and the counter's usual workflow runs on the application.
    const [billing] = await ctx.db.select().from(billings).where(eq(billings.applicationId, online.id));
    await ctx.db.transaction((tx) => settleBilling(tx, systemCaller('test'), { code: billing!.code }));
    // Move the booking to today, as if the test ran on the session's date.
    await ctx.db.update(appointments).set({ date: witaDate() }).where(eq(appointments.id, booking!.id));
    const verifier = await tokenOf(officerB);
    const adjudicator = await tokenOf(await makeOfficer(ctx.db, { role: 'adjudicator', unitCode: unit.code }));
    await call(verifier, 'POST', `/api/v1/units/${unit.code}/check-ins`, {
      trackingCode: online.trackingCode,
      birthDate: online.birthDate,
    });
    await call(verifier, 'POST', `/api/v1/units/${unit.code}/queue/call`, { counter: 'Meja Eazy Paspor' });
    const act = (token: string, step: object) => call(token, 'POST', `/api/v1/applications/${online.id}/actions`, step);
    await act(verifier, { type: 'take' });
    await act(verifier, {
      type: 'document_check',
      documents: ['ektp', 'kk', 'akta_kelahiran'].map((kind) => ({ kind, accepted: true })),
    });
    await act(verifier, { type: 'watchlist_check' });
    await act(verifier, { type: 'confirm_payment' });
    await act(verifier, {
      type: 'capture_biometrics',
      photo: jpeg.toString('base64'),
      fingerprints: { device: 'Suprema RealScan G10', quality: 80, fingers: 10 },
    });
    await act(verifier, {
      type: 'interview',
      checklist: { purpose: 'Wisata', destination: 'Singapura', answersConsistent: true },
      outcome: 'pass',
    });
    await act(verifier, { type: 'release' });
    await act(adjudicator, { type: 'take' });
    await act(adjudicator, { type: 'adjudicate', decision: 'approve' });
    await act(adjudicator, { type: 'release' });
    await act(verifier, { type: 'take' });
    expect((await act(verifier, { type: 'print' })).status).toBe('printed');

    const report = await call(verifier, 'GET', `/api/v1/outreach/sessions/${session.id}/report`);
    expect(report).toEqual({ participants: 4, linked: 2, served: 1, deferred: 0, issued: 1, delivered: 0 });
    const reportPage = await desk.get(`/officer/outreach/sessions/${session.id}/report`);
    expect(reportPage.statusCode).toBe(200);
    expect(reportPage.body).toContain('Paspor terbit');

    // Delivery back to the community, set after approval; the newest mode counts.
    const delivery = await headBrowser.post(
      `/officer/outreach/sessions/${session.id}/delivery`,
      { deliveryDate: sessionDate, deliveryMode: 'office' },
      `/officer/outreach/sessions/${session.id}`,
    );
    expect(delivery.statusCode, delivery.body).toBe(303);
    expect((await headBrowser.get(`/officer/outreach/sessions/${session.id}`)).body).toContain('Diambil di kantor');
    const status = await new Browser(ctx.app).get(`/eazy-paspor/status?code=${trackingCode}`);
    expect(status.body).toContain('Desa Uji Oesao');
    expect(status.body).not.toContain(body.contactPhone);
  });

  it('refuses an officer or kit already on duty that day, naming them, and changes nothing', async () => {
    const { unit, head, officerA, officerB, kit } = await makeOutreachUnit(ctx.db);
    const day = await serviceDay(ctx.db, unit.code, 4);
    const village = await villageIn(ctx.db, '53.71');
    await ctx.db.insert(duties).values({ date: day, unitCode: unit.code, kind: 'counter', officerId: officerA.id });
    const { trackingCode } = (await request(requestBody(unit.code, village, [day]))).json<{ trackingCode: string }>();
    const session = await sessionByCode(trackingCode);

    const headBrowser = await as(head);
    await headBrowser.get(`/officer/outreach/sessions/${session.id}`);
    const res = await headBrowser.post(`/officer/outreach/sessions/${session.id}/approve`, {
      date: day,
      capacity: '30',
      officerIds: [officerA.id, officerB.id],
      kitIds: kit.id,
      deliveryMode: 'community',
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(`${officerA.name} sudah bertugas pada hari itu (tugas loket)`);
    expect(res.body).toContain(`value="${officerB.id}" checked`);

    // A kit already out with another session that day.
    const other = await sessionByCode(
      (await request(requestBody(unit.code, village, [day]))).json<{ trackingCode: string }>().trackingCode,
    );
    await ctx.db
      .insert(duties)
      .values({ date: day, unitCode: unit.code, kind: 'session', refId: other.id, kitId: kit.id });
    const kitRes = await headBrowser.post(`/officer/outreach/sessions/${session.id}/approve`, {
      date: day,
      capacity: '30',
      officerIds: officerB.id,
      kitIds: kit.id,
      deliveryMode: 'community',
    });
    expect(kitRes.statusCode).toBe(409);
    expect(kitRes.body).toContain(`Perangkat ${kit.name} sudah dipakai pada hari itu (sesi Eazy Paspor lain)`);

    expect(await sessionByCode(trackingCode)).toMatchObject({ status: 'requested', sessionCode: null, date: null });
    expect(await ctx.db.select().from(duties).where(eq(duties.refId, session.id))).toEqual([]);
    expect(
      await ctx.db
        .select()
        .from(quotaOverrides)
        .where(and(eq(quotaOverrides.unitCode, unit.code), eq(quotaOverrides.channel, 'eazy_paspor'))),
    ).toEqual([]);
  });

  it('keeps officers to their units and roles, and records a refusal with its reason', async () => {
    const { unit, head } = await makeOutreachUnit(ctx.db);
    const day = await serviceDay(ctx.db, unit.code, 1);
    const { trackingCode } = (await request(requestBody(unit.code, await villageIn(ctx.db, '53.71'), [day]))).json<{
      trackingCode: string;
    }>();
    const session = await sessionByCode(trackingCode);

    const stranger = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' }));
    expect((await stranger.get(`/officer/outreach/sessions/${session.id}`)).statusCode).toBe(403);
    expect(
      (
        await stranger.post(
          `/officer/outreach/sessions/${session.id}/refuse`,
          { reason: 'Bukan kantor saya' },
          '/officer/outreach/sessions',
        )
      ).statusCode,
    ).toBe(403);
    expect((await stranger.get('/officer/outreach/sessions')).body).not.toContain(session.id);
    const counter = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }));
    expect(
      (
        await counter.post(
          `/officer/outreach/sessions/${session.id}/refuse`,
          { reason: 'Bukan wewenang saya' },
          `/officer/outreach/sessions/${session.id}`,
        )
      ).statusCode,
    ).toBe(403);
    const parent = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANWIL-NTT' }));
    expect((await parent.get('/officer/outreach/sessions')).body).toContain(session.id);

    const headBrowser = await as(head);
    const refused = await headBrowser.post(
      `/officer/outreach/sessions/${session.id}/refuse`,
      { reason: 'Petugas sedang penuh bulan ini' },
      `/officer/outreach/sessions/${session.id}`,
    );
    expect(refused.statusCode).toBe(303);
    expect(await sessionByCode(trackingCode)).toMatchObject({
      status: 'refused',
      refusalReason: 'Petugas sedang penuh bulan ini',
    });
    const history = await ctx.db.select().from(outreachActions).where(eq(outreachActions.subjectId, session.id));
    expect(history.map((a) => a.type)).toEqual(['requested', 'refused']);
    expect(history[1]).toMatchObject({
      actorId: head.id,
      payload: { status: 'refused', reason: 'Petugas sedang penuh bulan ini' },
    });
    const status = await new Browser(ctx.app).get(`/eazy-paspor/status?code=${trackingCode.toLowerCase()}`);
    expect(status.body).toContain('Petugas sedang penuh bulan ini');
    // Decided once: a second decision is refused.
    expect(
      (await headBrowser.post(`/officer/outreach/sessions/${session.id}/refuse`, { reason: 'Lagi' })).statusCode,
    ).toBe(409);
  });
});
