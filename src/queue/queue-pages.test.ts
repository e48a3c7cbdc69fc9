import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { applicationActions, applications } from '../applications/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account, OfficerRole } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { formatDay, translator } from '../platform/i18n/index.ts';
import type { OpeningHours } from '../units/schema.ts';
import { endOfWitaDay } from './counters.ts';
import { queueTickets } from './schema.ts';
import { alwaysOpen, apiAs, bookedToday, priorityQuota, qrOf } from './test-support.ts';

const tId = translator('id');

describeApp('reception, counter and call display pages', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const officer = (unitCode: string, role: OfficerRole = 'counter_officer') => makeOfficer(ctx.db, { role, unitCode });

  it('checks in at reception by tracking code or QR, shows the NIK to compare and prints a slip without personal data', async () => {
    const unit = await makeUnit(ctx.db);
    const browser = await as(await officer(unit.code));
    const page = `/officer/units/${unit.code}/reception`;
    const arrival = await bookedToday(ctx.db, unit.code, { unitCode: unit.code, fullName: 'Maria Goreti Bria' });

    const wrong = await browser.post(
      `${page}/check-in`,
      { via: 'code', trackingCode: arrival.trackingCode, birthDate: '1901-01-01' },
      page,
    );
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('error-summary');
    expect(wrong.body).toContain(`value="${arrival.trackingCode}"`);
    const missing = await browser.post(`${page}/check-in`, { via: 'code', trackingCode: '', birthDate: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#f-trackingCode"');
    expect(missing.body).toContain('href="#f-birthDate"');

    const done = await browser.post(`${page}/check-in`, {
      via: 'code',
      trackingCode: arrival.trackingCode,
      birthDate: arrival.birthDate!,
    });
    expect(done.statusCode, done.body).toBe(303);
    const [ticket] = await ctx.db.select().from(queueTickets).where(eq(queueTickets.applicationId, arrival.id));
    expect(done.headers.location).toBe(`${page}?ticket=${ticket!.id}`);
    const shown = await browser.get(done.headers.location!);
    expect(shown.body).toContain('A-001');
    // The focus is back in the QR field, for the scanner to type the next slip into.
    expect(shown.body).toMatch(/<input id="f-qr" name="qr"[^>]*\sautofocus[\s/>]/);
    expect(shown.body.match(/\sautofocus[\s/>]/g)).toHaveLength(1);
    expect(shown.body).toContain(arrival.nik!);
    expect(shown.body).toContain('Maria Goreti Bria');
    const slip = await browser.get(`${page}?ticket=${ticket!.id}&print=1`);
    expect(slip.statusCode).toBe(200);
    expect(slip.body).toContain('A-001');
    expect(slip.body).not.toContain(arrival.nik!);
    expect(slip.body).not.toContain('Maria');

    const again = await browser.post(`${page}/check-in`, { via: 'qr', qr: qrOf(ctx.app, arrival) }, page);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(tId('errors.already_checked_in'));
    const second = await bookedToday(ctx.db, unit.code);
    const byQr = await browser.post(`${page}/check-in`, { via: 'qr', qr: qrOf(ctx.app, second) });
    expect(byQr.statusCode).toBe(303);
    const next = await browser.get(byQr.headers.location!);
    expect(next.body).toContain('A-002');
    expect(next.body).toMatch(/<input id="f-qr" name="qr"[^>]*\sautofocus[\s/>]/);
  });

  it('says at reception which day and which office a refused QR is for, as people read a date, in both languages', async () => {
    const unit = await makeUnit(ctx.db);
    const other = await makeUnit(ctx.db);
    const browser = await as(await officer(unit.code));
    const page = `/officer/units/${unit.code}/reception`;
    const arrival = await bookedToday(ctx.db, unit.code);
    const tomorrow = addDays(witaDate(), 1);

    const early = await browser.post(
      `${page}/check-in`,
      { via: 'qr', qr: qrOf(ctx.app, arrival, { date: tomorrow }) },
      page,
    );
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('href="#f-qr"');
    expect(early.body).toContain(tId('queue.errors.wrongDay', { date: formatDay('id', tomorrow), unit: unit.name }));
    expect(formatDay('id', tomorrow)).toMatch(/^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \S+ \d{4}$/);

    const misplaced = await browser.post(
      `${page}/check-in`,
      { via: 'qr', qr: qrOf(ctx.app, arrival, { unitCode: other.code }) },
      page,
    );
    expect(misplaced.statusCode).toBe(409);
    expect(misplaced.body).toContain(
      tId('queue.errors.wrongUnit', { date: formatDay('id', witaDate()), unit: other.name }),
    );

    browser.setCookie('lang=en');
    const english = await browser.post(
      `${page}/check-in`,
      { via: 'qr', qr: qrOf(ctx.app, arrival, { date: tomorrow }) },
      page,
    );
    expect(english.body).toContain(
      translator('en')('queue.errors.wrongDay', { date: formatDay('en', tomorrow), unit: unit.name }),
    );
    const [row] = await ctx.db
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.id, arrival.id));
    expect(row!.status).toBe('paid');
  });

  it('registers a priority walk-in from the reception page, with the age check shown on the form', async () => {
    const unit = await makeUnit(ctx.db, { openingHours: alwaysOpen });
    await priorityQuota(ctx.db, unit.code, 2);
    const browser = await as(await officer(unit.code, 'verifier'));
    const page = `/officer/units/${unit.code}/reception`;
    const adult = await makeApplication(ctx.db, { unitCode: unit.code, birthDate: '1990-03-04' });
    const refused = await browser.post(
      `${page}/walk-in`,
      { priorityTrackingCode: adult.trackingCode, priorityBirthDate: '1990-03-04', reason: 'elderly' },
      page,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#f-reason"');
    expect(refused.body).toContain(tId('queue.errors.notElderly'));
    const done = await browser.post(`${page}/walk-in`, {
      priorityTrackingCode: adult.trackingCode,
      priorityBirthDate: '1990-03-04',
      reason: 'disabled',
    });
    expect(done.statusCode, done.body).toBe(303);
    const shown = await browser.get(done.headers.location!);
    expect(shown.body).toContain('P-001');
    expect(shown.body).toContain(tId('queue.reasons.disabled'));
    expect(shown.body).toMatch(/Kode billing \d{15}/);
  });

  it('registers a walk-in outside opening hours from the reception page only with the override ticked and its reason', async () => {
    // "23:59–00:00" never holds a minute: the office is closed whenever this test runs, and its hours are on show.
    const never = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['23:59', '00:00']]]),
    ) as OpeningHours;
    const unit = await makeUnit(ctx.db, { openingHours: never });
    await priorityQuota(ctx.db, unit.code, 2);
    const browser = await as(await officer(unit.code, 'verifier'));
    const page = `/officer/units/${unit.code}/reception`;
    const applicant = await makeApplication(ctx.db, { unitCode: unit.code });
    const form = {
      priorityTrackingCode: applicant.trackingCode,
      priorityBirthDate: applicant.birthDate!,
      reason: 'disabled',
    };

    const shown = await browser.get(page);
    expect(shown.body).toContain(tId('queue.reception.hoursToday', { hours: '23.59–00.00' }));
    const refused = await browser.post(`${page}/walk-in`, form);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#f-outsideHours"');
    expect(refused.body).toContain(tId('queue.errors.outsideHours', { hours: '23.59–00.00' }));
    expect(refused.body).toContain(`value="${applicant.trackingCode}"`);
    const noReason = await browser.post(`${page}/walk-in`, { ...form, outsideHours: 'yes', outsideHoursReason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('href="#f-outsideHoursReason"');
    expect(await ctx.db.$count(queueTickets, eq(queueTickets.applicationId, applicant.id))).toBe(0);

    const reason = 'Pemohon lansia dirujuk puskesmas, datang setelah jam layanan';
    const done = await browser.post(`${page}/walk-in`, { ...form, outsideHours: 'yes', outsideHoursReason: reason });
    expect(done.statusCode, done.body).toBe(303);
    expect((await browser.get(done.headers.location!)).body).toContain('P-001');
    const [booked] = await ctx.db
      .select()
      .from(applicationActions)
      .where(
        and(eq(applicationActions.applicationId, applicant.id), eq(applicationActions.type, 'appointment_booked')),
      );
    expect(booked!.payload).toMatchObject({ outsideHours: { reason } });
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'queue.walk_in')));
    expect(audit!.details).toMatchObject({ outsideHours: { reason } });
  });

  it('runs a counter: picked from the unit’s list and remembered for the day, calls with the applicant’s name, recalls, marks a confirmed no-show and links the case', async () => {
    const unit = await makeUnit(ctx.db, { counters: ['Loket 1', 'Loket 2', 'Loket Prioritas'] });
    const desk = await officer(unit.code);
    const api = apiAs(ctx.app, ctx.db);
    const arrivals = [
      await bookedToday(ctx.db, unit.code, { unitCode: unit.code, fullName: 'Fransiska Bete Seran' }),
      await bookedToday(ctx.db, unit.code),
    ];
    for (const a of arrivals) await api(desk, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, a) });
    const browser = await as(desk);
    const page = `/officer/units/${unit.code}/counter`;
    const here = `${page}?counter=Loket%201`;

    const choose = await browser.get(page);
    expect(choose.body).toContain(tId('queue.counter.chooseFirst'));
    expect(choose.body).toContain('A-001');
    // The unit's counters as a list to pick from, not a name to type.
    expect(choose.body).toMatch(/<select id="f-counter" name="counter"/);
    for (const name of ['Loket 1', 'Loket 2', 'Loket Prioritas'])
      expect(choose.body).toContain(`<option value="${name}">${name}</option>`);
    expect(choose.body).not.toMatch(/<input[^>]*name="counter"[^>]*type="text"/);
    const start = await browser.get(here);
    expect(start.body).toContain('<option value="Loket 1" selected>Loket 1</option>');
    // Remembered until the end of today (WITA), for this unit's counter pages.
    const cookie = [start.headers['set-cookie']].flat().find((c) => c?.startsWith(`loket_${unit.code}=`));
    expect(cookie).toContain(`Expires=${endOfWitaDay().toUTCString()}`);
    expect(cookie).toContain(`Path=/officer/units/${unit.code}/counter`);
    const again = await browser.get(page);
    expect(again.body).toContain('<option value="Loket 1" selected>Loket 1</option>');
    expect(again.body).toContain(tId('queue.counter.callNext'));
    const unlisted = await browser.get(`${page}?counter=Loket%209`);
    expect(unlisted.body).toContain(tId('queue.errors.unknownCounter'));
    expect(unlisted.body).not.toContain(tId('queue.counter.callNext'));
    expect((await browser.post(`${page}/call`, { counter: 'Loket 9' }, here)).statusCode).toBe(422);
    expect(
      await ctx.db.$count(queueTickets, and(eq(queueTickets.unitCode, unit.code), eq(queueTickets.counter, 'Loket 9'))),
    ).toBe(0);

    const called = await browser.post(`${page}/call`, { counter: 'Loket 1' }, here);
    expect(called.statusCode).toBe(303);
    expect(called.headers.location).toBe(here);
    const serving = await browser.get(here);
    expect(serving.body).toContain(`/officer/cases/${arrivals[0]!.id}`);
    expect(serving.body).toContain(tId('queue.counter.applicant', { name: 'Fransiska Bete Seran' }));
    // The no-show is a secondary action of its own form, with a "yes" to tick.
    expect(serving.body).toMatch(/<input type="checkbox" id="f-confirm" name="confirm" value="yes"/);
    expect(serving.body).toMatch(
      new RegExp(`<button type="submit" class="secondary">${tId('queue.counter.noShow')}</button>`),
    );
    const [ticket] = await ctx.db.select().from(queueTickets).where(eq(queueTickets.applicationId, arrivals[0]!.id));
    expect((await browser.post(`${page}/recall`, { counter: 'Loket 1', ticketId: ticket!.id })).statusCode).toBe(303);

    // Sent without the tick, a no-show changes nothing and says why.
    const unconfirmed = await browser.post(`${page}/no-show`, { counter: 'Loket 1', ticketId: ticket!.id });
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('href="#f-confirm"');
    expect(unconfirmed.body).toContain(tId('queue.errors.confirmNoShow'));
    const [untouched] = await ctx.db.select().from(queueTickets).where(eq(queueTickets.id, ticket!.id));
    expect(untouched!.noShowAt).toBeNull();
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.targetId, ticket!.id), eq(auditLog.action, 'queue.no_show'))),
    ).toBe(0);

    expect(
      (await browser.post(`${page}/no-show`, { counter: 'Loket 1', ticketId: ticket!.id, confirm: 'yes' })).statusCode,
    ).toBe(303);
    const after = await browser.get(here);
    expect(after.body).toContain(tId('queue.counter.noShowMark'));
    const [row] = await ctx.db.select().from(queueTickets).where(eq(queueTickets.id, ticket!.id));
    expect(row).toMatchObject({ calls: 2, counter: 'Loket 1' });
    expect(row!.noShowAt).not.toBeNull();

    expect((await browser.post(`${page}/call`, { counter: 'Loket 1' }, here)).statusCode).toBe(303);
    const empty = await browser.post(`${page}/call`, { counter: 'Loket 1' }, here);
    expect(empty.statusCode).toBe(409);
    expect(empty.body).toContain(tId('errors.queue_empty'));
    expect(empty.body).toContain('value="Loket 1"');
    const noName = await browser.post(`${page}/call`, { counter: ' ' }, here);
    expect(noName.statusCode).toBe(422);
  });

  it('shows the public call display with ticket numbers only, refreshing itself without JavaScript', async () => {
    const unit = await makeUnit(ctx.db);
    const desk = await officer(unit.code);
    const api = apiAs(ctx.app, ctx.db);
    const arrival = await bookedToday(ctx.db, unit.code, { unitCode: unit.code, fullName: 'Yakobus Lasi Manek' });
    for (const a of [arrival, await bookedToday(ctx.db, unit.code)])
      await api(desk, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, a) });
    await api(desk, 'POST', `/api/v1/units/${unit.code}/queue/call`, { counter: 'Loket 4' });

    const res = await ctx.app.inject({ url: `/units/${unit.code}/antrian` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<meta http-equiv="refresh" content="10"\/?>/);
    expect(res.body).toContain(`hx-get="/units/${unit.code}/antrian"`);
    expect(res.body).toContain('A-001');
    expect(res.body).toContain('Loket 4');
    expect(res.body).toContain(
      tId('queue.display.waitingSeries', { series: tId('queue.series.A'), letter: 'A', n: 1 }),
    );
    const [application] = await ctx.db.select().from(applications).where(eq(applications.id, arrival.id));
    for (const secret of ['Yakobus', arrival.nik!, arrival.trackingCode, application!.email!])
      expect(res.body).not.toContain(secret);
    const english = await ctx.app.inject({ url: `/units/${unit.code}/antrian`, headers: { cookie: 'lang=en' } });
    expect(english.body).toContain(translator('en')('queue.display.called'));
    expect((await ctx.app.inject({ url: '/units/NOPE/antrian' })).statusCode).toBe(404);
  });

  it('opens reception and counters to desk roles of the unit and the units above it, and to nobody else', async () => {
    const unit = await makeUnit(ctx.db);
    const arrival = await bookedToday(ctx.db, unit.code);
    const api = apiAs(ctx.app, ctx.db);
    const checkIn = (who: Account) =>
      api(who, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, arrival) });
    for (const role of ['adjudicator', 'admin', 'auditor', 'partner'] as const) {
      const res = await checkIn(await officer(unit.code, role));
      expect(res.statusCode, role).toBe(403);
      expect(
        (await (await as(await officer(unit.code, role))).get(`/officer/units/${unit.code}/counter`)).statusCode,
        role,
      ).toBe(403);
    }
    const otherUnit = await officer('KANIM-MAUMERE', 'head_of_office');
    expect((await checkIn(otherUnit)).statusCode).toBe(403);
    expect(
      (await api(otherUnit, 'POST', `/api/v1/units/${unit.code}/queue/call`, { counter: 'Loket 1' })).statusCode,
    ).toBe(403);
    expect((await (await as(otherUnit)).get(`/officer/units/${unit.code}/reception`)).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/units/${unit.code}/check-ins`,
      payload: { qr: qrOf(ctx.app, arrival) },
    });
    expect(anonymous.statusCode).toBe(401);
    const [still] = await ctx.db
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.id, arrival.id));
    expect(still!.status).toBe('paid');

    // The regional office's head of office serves at every unit below it.
    const regional = await officer('KANWIL-NTT', 'head_of_office');
    expect((await checkIn(regional)).statusCode).toBe(201);
    const home = await (await as(await officer(unit.code))).get('/officer');
    expect(home.body).toContain(`/officer/units/${unit.code}/reception`);
    expect(home.body).toContain(`/officer/units/${unit.code}/counter`);
    const adjudicatorHome = await (await as(await officer(unit.code, 'adjudicator'))).get('/officer');
    expect(adjudicatorHome.body).not.toContain(`/officer/units/${unit.code}/reception`);
  });
});
