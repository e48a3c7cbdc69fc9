import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { applications } from '../applications/schema.ts';
import { appointments } from '../appointments/schema.ts';
import { holidays } from '../holidays/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { apiAs } from '../queue/test-support.ts';
import { duties } from '../roster/schema.ts';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeCitizen, makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { answerDueOn } from './answer-deadline.ts';
import { listHomeVisits } from './get-home-visit.ts';
import { requestHomeVisit } from './request-home-visit.ts';
import { scheduleHomeVisit } from './schedule-home-visit.ts';
import { homeVisitActions, homeVisits } from './schema.ts';
import {
  citizenActor,
  makeAcceptedVisit,
  makeKit,
  makePeduliUnit,
  makeVisit,
  officerActor,
  visitRequest,
} from './test-support.ts';

describeApp('si Koe Peduli home visits: officer handling', (ctx) => {
  const api = () => apiAs(ctx.app, ctx.db);
  const as = async (account: Parameters<typeof sessionCookie>[1]) =>
    new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const visitOf = async (id: string) => (await ctx.db.select().from(homeVisits).where(eq(homeVisits.id, id)))[0]!;
  const actionsOf = (id: string) =>
    ctx.db.select().from(homeVisitActions).where(eq(homeVisitActions.visitId, id)).orderBy(homeVisitActions.id);
  const mailsTo = (email: string) =>
    ctx.db.$count(jobs, and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${email}`));

  it('runs a family request through acceptance, scheduling, the linked application and the visit', async () => {
    const unit = await makePeduliUnit(ctx.db);
    const requester = await makeCitizen(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const counter = await makeOfficer(ctx.db, {
      role: 'counter_officer',
      unitCode: unit.code,
      name: 'Petugas Loket Satu',
    });
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const kit = await makeKit(ctx.db, unit.code);
    const today = witaDate();

    const body = { ...(await visitRequest(ctx.db, unit.code)), requestId: 'req-journey-0001' };
    const created = await api()(requester, 'POST', '/api/v1/home-visits', body);
    expect(created.statusCode).toBe(201);
    const { trackingCode } = created.json<{ trackingCode: string }>();
    expect(trackingCode).toMatch(/^KP[0-9A-Z]{10}$/);
    // A resend after a dropped connection finds the same request.
    const resent = await api()(requester, 'POST', '/api/v1/home-visits', body);
    expect(resent.json()).toEqual({ trackingCode });
    const stored = await ctx.db.select().from(homeVisits).where(eq(homeVisits.requesterAccountId, requester.id));
    expect(stored).toHaveLength(1);
    const visit = stored[0]!;
    expect(visit).toMatchObject({
      status: 'requested',
      requesterRelation: 'child',
      answerDueOn: await answerDueOn(ctx.db, unit.code, today),
    });

    const requesterPage = await as(requester);
    const status = await requesterPage.get(`/si-koe-peduli/${trackingCode}`);
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('Menunggu jawaban');
    expect((await (await as(await makeCitizen(ctx.db))).get(`/si-koe-peduli/${trackingCode}`)).statusCode).toBe(404);

    const headPage = await as(head);
    const page = `/officer/home-visits/${visit.id}`;
    expect((await headPage.get('/officer/home-visits')).body).toContain(trackingCode);
    const accepted = await headPage.post(
      `${page}/accept`,
      { note: 'Ibu terbaring di rumah', requestId: 'accept-0001' },
      page,
    );
    expect(accepted.statusCode).toBe(303);
    // The same form resent changes nothing.
    expect(
      (await headPage.post(`${page}/accept`, { note: 'Ibu terbaring di rumah', requestId: 'accept-0001' })).statusCode,
    ).toBe(303);
    const afterAccept = await visitOf(visit.id);
    expect(afterAccept.status).toBe('accepted');
    expect(afterAccept.answeredAt).not.toBeNull();
    expect((await listHomeVisits(ctx.db, [unit.code], addDays(visit.answerDueOn, 5)))[0]!.overdue).toBe(false);

    const scheduled = await headPage.post(
      `${page}/schedule`,
      { date: today, officerIds: [counter.id, verifier.id], kitId: kit.id, requestId: 'schedule-0001' },
      page,
    );
    expect(scheduled.statusCode).toBe(303);
    expect(await visitOf(visit.id)).toMatchObject({ status: 'scheduled', visitDate: today });
    const assigned = await ctx.db.select().from(duties).where(eq(duties.refId, visit.id));
    expect(assigned.map((d) => [d.kind, d.date, d.officerId ?? d.kitId]).sort()).toEqual(
      [
        ['visit', today, counter.id],
        ['visit', today, kit.id],
        ['visit', today, verifier.id],
      ].sort(),
    );
    expect(await mailsTo(requester.email)).toBe(1);

    const application = await makeApplication(ctx.db, {
      unitCode: unit.code,
      accountId: requester.id,
      nik: visit.applicantNik,
      birthDate: visit.applicantBirthDate,
      sex: 'F',
      fullName: 'Martha Ndun',
    });
    const counterPage = await as(counter);
    const wrong = await counterPage.post(
      `${page}/link`,
      { trackingCode: application.trackingCode, birthDate: '1960-01-01', requestId: 'link-0000' },
      page,
    );
    expect(wrong.statusCode).toBe(422);
    const linked = await counterPage.post(
      `${page}/link`,
      { trackingCode: application.trackingCode, birthDate: visit.applicantBirthDate, requestId: 'link-0001' },
      page,
    );
    expect(linked.statusCode).toBe(303);
    const [linkedApplication] = await ctx.db.select().from(applications).where(eq(applications.id, application.id));
    expect(linkedApplication).toMatchObject({ homeVisitId: visit.id, status: 'booked' });
    const [appointment] = await ctx.db
      .select()
      .from(appointments)
      .where(eq(appointments.applicationId, application.id));
    expect(appointment).toMatchObject({ date: today, unitCode: unit.code, state: 'booked' });

    // On the visit day the officer checks the applicant in with the usual check-in, then runs the counter steps.
    const checkIn = await api()(counter, 'POST', `/api/v1/units/${unit.code}/check-ins`, {
      trackingCode: application.trackingCode,
      birthDate: visit.applicantBirthDate,
    });
    expect(checkIn.statusCode).toBe(201);
    const visited = await counterPage.post(
      `${page}/visited`,
      { note: 'Biometrik dan wawancara selesai', requestId: 'visited-0001' },
      page,
    );
    expect(visited.statusCode).toBe(303);
    expect((await visitOf(visit.id)).status).toBe('visited');
    expect((await actionsOf(visit.id)).map((a) => a.type)).toEqual([
      'requested',
      'accepted',
      'scheduled',
      'application_linked',
      'visited',
    ]);

    const final = await requesterPage.get(`/si-koe-peduli/${trackingCode}`);
    expect(final.body).toContain('Sudah dikunjungi');
    expect(final.body).toContain('Kunjungan dijadwalkan');
  });

  it('counts the answer deadline in working days past a weekend and a closure, and flags it overdue', async () => {
    const unit = await makePeduliUnit(ctx.db);
    const requester = await makeCitizen(ctx.db);
    // 2031-01-09 is a Thursday: Friday counts, the weekend does not, Monday the office is closed, Tuesday is the 2nd day.
    const thursday = '2031-01-09';
    await ctx.db
      .insert(holidays)
      .values({ date: '2031-01-13', name: 'Penutupan uji', kind: 'office_closure', unitCode: unit.code });
    expect(await answerDueOn(ctx.db, unit.code, thursday)).toBe('2031-01-14');
    const input = await visitRequest(ctx.db, unit.code, {}, thursday);
    const caller = { ...systemCaller('test'), actor: citizenActor(requester) };
    const { trackingCode } = await ctx.db.transaction((tx) =>
      requestHomeVisit(tx, caller, input, witaInstant(thursday, '09:00')),
    );
    const [visit] = await ctx.db.select().from(homeVisits).where(eq(homeVisits.trackingCode, trackingCode));
    expect(visit!.answerDueOn).toBe('2031-01-14');

    const onTime = await listHomeVisits(ctx.db, [unit.code], '2031-01-14');
    expect(onTime.find((v) => v.id === visit!.id)!.overdue).toBe(false);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    // Answered (made today, long before): never overdue, listed after the open ones.
    const other = await makeAcceptedVisit(ctx.db, requester, head, unit.code);
    const late = await listHomeVisits(ctx.db, [unit.code], '2031-01-15');
    expect(late.map((v) => [v.id, v.overdue])).toEqual([
      [visit!.id, true],
      [other.id, false],
    ]);
    const overdue = await makeVisit(ctx.db, requester, unit.code);
    await ctx.db
      .update(homeVisits)
      .set({ answerDueOn: addDays(witaDate(), -1) })
      .where(eq(homeVisits.id, overdue.id));
    const page = await (await as(head)).get('/officer/home-visits');
    expect(page.body).toContain('Lewat batas jawaban');
  });

  it('frees the old duties when a visit is moved, and refuses a busy officer or kit without changing anything', async () => {
    const unit = await makePeduliUnit(ctx.db);
    const requester = await makeCitizen(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const a = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: 'Petugas Ana' });
    const b = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: 'Petugas Beni' });
    const kit = await makeKit(ctx.db, unit.code, 'Perangkat Alor');
    const visit = await makeAcceptedVisit(ctx.db, requester, head, unit.code);
    const caller = { ...systemCaller('test'), actor: officerActor(head) };
    const d1 = addDays(witaDate(), 10);
    const d2 = addDays(witaDate(), 11);
    const publicUrl = ctx.config.publicUrl;

    await ctx.db.transaction((tx) =>
      scheduleHomeVisit(tx, caller, { visitId: visit.id, date: d1, officerIds: [a.id], kitId: kit.id }, publicUrl),
    );
    await ctx.db.transaction((tx) =>
      scheduleHomeVisit(tx, caller, { visitId: visit.id, date: d2, officerIds: [b.id], kitId: kit.id }, publicUrl),
    );
    const held = await ctx.db.select().from(duties).where(eq(duties.refId, visit.id));
    expect(held.map((d) => [d.date, d.officerId ?? d.kitId]).sort()).toEqual(
      [
        [d2, b.id],
        [d2, kit.id],
      ].sort(),
    );
    expect(await ctx.db.$count(duties, and(eq(duties.officerId, a.id), eq(duties.date, d1)))).toBe(0);
    expect((await actionsOf(visit.id)).map((x) => x.type)).toEqual([
      'requested',
      'accepted',
      'scheduled',
      'rescheduled',
    ]);

    // Officer A is on counter duty on d3, and the kit at an Eazy Paspor session on d4.
    const d3 = addDays(witaDate(), 12);
    const d4 = addDays(witaDate(), 13);
    await ctx.db.insert(duties).values([
      { date: d3, unitCode: unit.code, kind: 'counter', officerId: a.id },
      { date: d4, unitCode: unit.code, kind: 'session', kitId: kit.id },
    ]);
    const before = {
      visit: await visitOf(visit.id),
      duties: await ctx.db.$count(duties, eq(duties.refId, visit.id)),
      actions: (await actionsOf(visit.id)).length,
      mails: await mailsTo(requester.email),
    };
    for (const [date, officerId] of [
      [d3, a.id],
      [d4, b.id],
    ] as const) {
      const refused = await ctx.db
        .transaction((tx) =>
          scheduleHomeVisit(tx, caller, { visitId: visit.id, date, officerIds: [officerId], kitId: kit.id }, publicUrl),
        )
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('resource_busy');
    }
    expect(await visitOf(visit.id)).toEqual(before.visit);
    expect(await ctx.db.$count(duties, eq(duties.refId, visit.id))).toBe(before.duties);
    expect((await actionsOf(visit.id)).length).toBe(before.actions);
    expect(await mailsTo(requester.email)).toBe(before.mails);

    // The page says who is busy and where.
    const headPage = await as(head);
    const page = `/officer/home-visits/${visit.id}`;
    const busy = await headPage.post(
      `${page}/schedule`,
      { date: d3, officerIds: a.id, kitId: kit.id, requestId: 'busy-0001' },
      page,
    );
    expect(busy.statusCode).toBe(409);
    expect(busy.body).toContain('Petugas Ana sudah bertugas pada hari itu (tugas loket).');
    expect((await visitOf(visit.id)).visitDate).toBe(d2);
  });

  it('refuses with a reason the requester is mailed and sees', async () => {
    const unit = await makePeduliUnit(ctx.db);
    const requester = await makeCitizen(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const visit = await makeVisit(ctx.db, requester, unit.code);
    const headPage = await as(head);
    const page = `/officer/home-visits/${visit.id}`;
    expect((await headPage.post(`${page}/refuse`, { reason: '', requestId: 'refuse-0000' }, page)).statusCode).toBe(
      422,
    );
    expect(
      (
        await headPage.post(
          `${page}/refuse`,
          { reason: 'Pemohon sudah dapat datang ke kantor', requestId: 'refuse-0001' },
          page,
        )
      ).statusCode,
    ).toBe(303);
    expect(await visitOf(visit.id)).toMatchObject({
      status: 'refused',
      refusalReason: 'Pemohon sudah dapat datang ke kantor',
    });
    expect(await mailsTo(requester.email)).toBe(1);
    const status = await (await as(requester)).get(`/si-koe-peduli/${visit.trackingCode}`);
    expect(status.body).toContain('Pemohon sudah dapat datang ke kantor');
    expect((await headPage.post(`${page}/accept`, { requestId: 'accept-late' }, page)).statusCode).toBe(409);
  });
});
