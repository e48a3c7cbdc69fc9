import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { applications } from '../applications/schema.ts';
import type { Account, OfficerRole } from '../platform/auth/schema.ts';
import { translator } from '../platform/i18n/index.ts';
import { queueTickets } from './schema.ts';
import { apiAs, bookedToday, priorityQuota, qrOf } from './test-support.ts';

const tId = translator('id');

describeApp('reception, counter and call display pages', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const officer = (unitCode: string, role: OfficerRole = 'counter_officer') => makeOfficer(ctx.db, { role, unitCode });

  it('checks in at reception by tracking code or QR, shows the NIK to compare and prints a slip without personal data', async () => {
    const unit = await makeUnit(ctx.db);
    const browser = await as(await officer(unit.code));
    const page = `/officer/units/${unit.code}/reception`;
    const arrival = await bookedToday(ctx.db, unit.code, { unitCode: unit.code, fullName: 'Maria Goreti Bria' });

    const wrong = await browser.post(`${page}/check-in`, { via: 'code', trackingCode: arrival.trackingCode, birthDate: '1901-01-01' }, page);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('error-summary');
    expect(wrong.body).toContain(`value="${arrival.trackingCode}"`);
    const missing = await browser.post(`${page}/check-in`, { via: 'code', trackingCode: '', birthDate: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#f-trackingCode"');
    expect(missing.body).toContain('href="#f-birthDate"');

    const done = await browser.post(`${page}/check-in`, { via: 'code', trackingCode: arrival.trackingCode, birthDate: arrival.birthDate! });
    expect(done.statusCode, done.body).toBe(303);
    const [ticket] = await ctx.db.select().from(queueTickets).where(eq(queueTickets.applicationId, arrival.id));
    expect(done.headers.location).toBe(`${page}?ticket=${ticket!.id}`);
    const shown = await browser.get(done.headers.location!);
    expect(shown.body).toContain('A-001');
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
    expect((await browser.get(byQr.headers.location!)).body).toContain('A-002');
  });

  it('registers a priority walk-in from the reception page, with the age check shown on the form', async () => {
    const unit = await makeUnit(ctx.db);
    await priorityQuota(ctx.db, unit.code, 2);
    const browser = await as(await officer(unit.code, 'verifier'));
    const page = `/officer/units/${unit.code}/reception`;
    const adult = await makeApplication(ctx.db, { unitCode: unit.code, birthDate: '1990-03-04' });
    const refused = await browser.post(`${page}/walk-in`, { priorityTrackingCode: adult.trackingCode, priorityBirthDate: '1990-03-04', reason: 'elderly' }, page);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#f-reason"');
    expect(refused.body).toContain(tId('queue.errors.notElderly'));
    const done = await browser.post(`${page}/walk-in`, { priorityTrackingCode: adult.trackingCode, priorityBirthDate: '1990-03-04', reason: 'disabled' });
    expect(done.statusCode, done.body).toBe(303);
    const shown = await browser.get(done.headers.location!);
    expect(shown.body).toContain('P-001');
    expect(shown.body).toContain(tId('queue.reasons.disabled'));
    expect(shown.body).toMatch(/Kode billing \d{15}/);
  });

  it('runs a counter: remembers its name, calls, recalls, marks a no-show and links the case', async () => {
    const unit = await makeUnit(ctx.db);
    const desk = await officer(unit.code);
    const api = apiAs(ctx.app, ctx.db);
    const arrivals = [await bookedToday(ctx.db, unit.code), await bookedToday(ctx.db, unit.code)];
    for (const a of arrivals) await api(desk, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, a) });
    const browser = await as(desk);
    const page = `/officer/units/${unit.code}/counter`;
    const here = `${page}?counter=Loket%201`;

    const choose = await browser.get(page);
    expect(choose.body).toContain(tId('queue.counter.chooseFirst'));
    expect(choose.body).toContain('A-001');
    const start = await browser.get(here);
    expect(start.body).toContain('value="Loket 1"');

    const called = await browser.post(`${page}/call`, { counter: 'Loket 1' }, here);
    expect(called.statusCode).toBe(303);
    expect(called.headers.location).toBe(here);
    const serving = await browser.get(here);
    expect(serving.body).toContain(`/officer/cases/${arrivals[0]!.id}`);
    const [ticket] = await ctx.db.select().from(queueTickets).where(eq(queueTickets.applicationId, arrivals[0]!.id));
    expect((await browser.post(`${page}/recall`, { counter: 'Loket 1', ticketId: ticket!.id })).statusCode).toBe(303);
    expect((await browser.post(`${page}/no-show`, { counter: 'Loket 1', ticketId: ticket!.id })).statusCode).toBe(303);
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
    for (const a of [arrival, await bookedToday(ctx.db, unit.code)]) await api(desk, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, a) });
    await api(desk, 'POST', `/api/v1/units/${unit.code}/queue/call`, { counter: 'Loket 4' });

    const res = await ctx.app.inject({ url: `/units/${unit.code}/antrian` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<meta http-equiv="refresh" content="10"\/?>/);
    expect(res.body).toContain(`hx-get="/units/${unit.code}/antrian"`);
    expect(res.body).toContain('A-001');
    expect(res.body).toContain('Loket 4');
    expect(res.body).toContain(tId('queue.display.waitingSeries', { series: tId('queue.series.A'), letter: 'A', n: 1 }));
    const [application] = await ctx.db.select().from(applications).where(eq(applications.id, arrival.id));
    for (const secret of ['Yakobus', arrival.nik!, arrival.trackingCode, application!.email!]) expect(res.body).not.toContain(secret);
    const english = await ctx.app.inject({ url: `/units/${unit.code}/antrian`, headers: { 'accept-language': 'en' } });
    expect(english.body).toContain(translator('en')('queue.display.called'));
    expect((await ctx.app.inject({ url: '/units/NOPE/antrian' })).statusCode).toBe(404);
  });

  it('opens reception and counters to desk roles of the unit and the units above it, and to nobody else', async () => {
    const unit = await makeUnit(ctx.db);
    const arrival = await bookedToday(ctx.db, unit.code);
    const api = apiAs(ctx.app, ctx.db);
    const checkIn = (who: Account) => api(who, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, arrival) });
    for (const role of ['adjudicator', 'admin', 'auditor', 'partner'] as const) {
      const res = await checkIn(await officer(unit.code, role));
      expect(res.statusCode, role).toBe(403);
      expect((await (await as(await officer(unit.code, role))).get(`/officer/units/${unit.code}/counter`)).statusCode, role).toBe(403);
    }
    const otherUnit = await officer('KANIM-MAUMERE', 'head_of_office');
    expect((await checkIn(otherUnit)).statusCode).toBe(403);
    expect((await api(otherUnit, 'POST', `/api/v1/units/${unit.code}/queue/call`, { counter: 'Loket 1' })).statusCode).toBe(403);
    expect((await (await as(otherUnit)).get(`/officer/units/${unit.code}/reception`)).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({ method: 'POST', url: `/api/v1/units/${unit.code}/check-ins`, payload: { qr: qrOf(ctx.app, arrival) } });
    expect(anonymous.statusCode).toBe(401);
    const [still] = await ctx.db.select({ status: applications.status }).from(applications).where(eq(applications.id, arrival.id));
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
