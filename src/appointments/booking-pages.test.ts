import { and, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeUnit, openDate } from '../../test/factories.ts';
import { queuedMailCount } from '../accounts/test-support.ts';
import { addDays, datesBetween, isWeekend } from '../platform/calendar/wita.ts';
import { translator, formatDay } from '../platform/i18n/index.ts';
import { bookingWindow } from './booking-window.ts';
import { appointments } from './schema.ts';
import {
  bookDirectly,
  bookedOn,
  challengeIn,
  dayStates,
  formTokenIn,
  later,
  ownerBrowser,
  solveAltcha,
} from './test-support.ts';

const t = translator('id');

describeApp('booking page', (ctx) => {
  const liveAppointments = (applicationId: string) =>
    ctx.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.applicationId, applicationId), inArray(appointments.state, ['booked', 'paid'])));

  it('lists the dates of the window: open ones selectable with the places left, full and closed ones marked, in words too', async () => {
    const unit = await makeUnit(ctx.db);
    const [open, full, unset] = [
      await serviceDay(ctx.db, unit.code, 0),
      await serviceDay(ctx.db, unit.code, 1),
      await serviceDay(ctx.db, unit.code, 2),
    ];
    await openDate(ctx.db, unit.code, open, 5);
    await openDate(ctx.db, unit.code, full, 1);
    await bookDirectly(ctx.app, await makeApplication(ctx.db, { unitCode: unit.code }), full);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const browser = await ownerBrowser(ctx.app, ctx.db, application);

    const page = await browser.get(`/applications/${application.id}/book`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(application.trackingCode);
    expect(page.body).toContain(unit.name);
    const states = dayStates(page.body);
    expect(states.get(formatDay('id', open))).toBe('open');
    expect(states.get(formatDay('id', full))).toBe('full');
    expect(states.get(formatDay('id', unset))).toBe('closed');
    let weekend = open;
    while (!isWeekend(weekend)) weekend = addDays(weekend, 1);
    expect(states.get(formatDay('id', weekend))).toBe('closed');
    // Tomorrow to 30 days ahead, the farthest day only once it has opened (08:00 WITA).
    const window = bookingWindow(new Date(), ctx.config.booking);
    expect(states.size).toBe(datesBetween(window.from, window.to).length);
    expect(page.body).toContain(`value="${open}"`);
    expect(page.body).toContain(t('booking.days.open', { count: 5 }));
    expect(page.body).toContain(`<span class="day-status">${t('booking.days.full')}</span>`);
    expect(page.body).toContain(`<span class="day-status">${t('booking.days.closed')}</span>`);
    expect(page.body).not.toContain(`name="date" value="${full}" id=`);
    expect(page.body).toMatch(
      new RegExp(`<button type="submit" class="secondary" form="waitlist-join" name="date" value="${full}">`),
    );
  });

  it('takes a form without JavaScript only after the wait, and each form only once', async () => {
    const unit = await makeUnit(ctx.db);
    // The second serving day, not the first: the clock moves 136 s forward below and may cross midnight WITA.
    const date = await serviceDay(ctx.db, unit.code, 1);
    await openDate(ctx.db, unit.code, date, 5);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const browser = await ownerBrowser(ctx.app, ctx.db, application);
    const url = `/applications/${application.id}/book`;
    const first = formTokenIn((await browser.get(url)).body);

    const tooSoon = await browser.request({ method: 'POST', url, form: { date, formToken: first } });
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.body).toContain(t('booking.proof.tooFast'));
    expect(formTokenIn(tooSoon.body)).toBe(first); // the wait already spent still counts
    expect(await bookedOn(ctx.db, unit.code, date)).toBe(0);

    // After the wait the form is accepted, even though this booking fails (a closed day): the form is spent.
    const closedDay = addDays(date, 100);
    const refused = await later(16, () =>
      browser.request({ method: 'POST', url, form: { date: closedDay, formToken: first } }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(t('errors.date_outside_window'));
    const second = formTokenIn(refused.body);
    expect(second).not.toBe(first);
    expect(await queuedMailCount(ctx.db, application.email!)).toBe(0);

    const reused = await later(40, () => browser.request({ method: 'POST', url, form: { date, formToken: first } }));
    expect(reused.statusCode).toBe(422);
    expect(reused.body).toContain(t('booking.proof.used'));
    expect(await liveAppointments(application.id)).toHaveLength(0);

    const booked = await later(40, () => browser.request({ method: 'POST', url, form: { date, formToken: second } }));
    expect(booked.statusCode).toBe(303);
    expect(booked.headers.location).toBe(`/applications/${application.id}/appointment`);
    expect(await bookedOn(ctx.db, unit.code, date)).toBe(1);
    // The booking queued its confirmation, which its job turns into the mail (at the clock of the booking: PGlite's
    // now() follows the faked one).
    await later(40, () => ctx.app.deps.jobs.runDue());
    expect(await queuedMailCount(ctx.db, application.email!)).toBe(1);

    // Sent again (a double click): refused as used, and the page now leads to the appointment.
    const again = await later(40, () => browser.request({ method: 'POST', url, form: { date, formToken: second } }));
    expect(again.statusCode).toBe(303);
    expect(await bookedOn(ctx.db, unit.code, date)).toBe(1);
    await later(40, () => ctx.app.deps.jobs.runDue());
    expect(await queuedMailCount(ctx.db, application.email!)).toBe(1);
  });

  it('books at once with a solved ALTCHA proof of work, bound to its own form', async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 5);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const browser = await ownerBrowser(ctx.app, ctx.db, application);
    const url = `/applications/${application.id}/book`;
    const page = (await browser.get(url)).body;
    const otherPage = (await browser.get(url)).body;
    const formToken = formTokenIn(page);

    // A solution for another form, or a tampered one, does not count.
    const foreign = await solveAltcha(challengeIn(otherPage));
    const wrongForm = await browser.request({ method: 'POST', url, form: { date, formToken, altcha: foreign } });
    expect(wrongForm.statusCode).toBe(422);
    expect(wrongForm.body).toContain(t('booking.proof.tooFast'));
    const solved = await solveAltcha(challengeIn(page));
    const decoded = JSON.parse(Buffer.from(solved, 'base64').toString());
    decoded.solution.derivedKey = decoded.solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    const tampered = Buffer.from(JSON.stringify(decoded)).toString('base64');
    expect(
      (await browser.request({ method: 'POST', url, form: { date, formToken, altcha: tampered } })).statusCode,
    ).toBe(422);

    const booked = await browser.request({ method: 'POST', url, form: { date, formToken, altcha: solved } });
    expect(booked.statusCode).toBe(303);
    expect(await liveAppointments(application.id)).toMatchObject([{ date, unitCode: unit.code }]);
    await ctx.app.deps.jobs.runDue();
    expect(await queuedMailCount(ctx.db, application.email!)).toBe(1);
  });

  it('serves the widget and its worker from this site, under the strict content security policy', async () => {
    const unit = await makeUnit(ctx.db);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const page = await (await ownerBrowser(ctx.app, ctx.db, application)).get(`/applications/${application.id}/book`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = /<script type="module" src="([^"]+)"/.exec(page.body)![1]!;
    const css = /<link rel="stylesheet" href="(\/static\/booking\/[^"]+)"/.exec(page.body)![1]!;
    const proofCss = /<link rel="stylesheet" href="(\/static\/proof\/[^"]+)"/.exec(page.body)![1]!;
    const sibling = (file: string) => script.replace('proof.js', file);
    for (const [path, type] of [
      [script, 'text/javascript'],
      [sibling('altcha.js'), 'text/javascript'],
      [sibling('altcha-worker.js'), 'text/javascript'],
      [sibling('altcha.css'), 'text/css'],
      [css, 'text/css'],
      [proofCss, 'text/css'],
    ] as const) {
      const res = await ctx.app.inject({ url: path });
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type'], path).toContain(type);
      expect(res.headers['cache-control'], path).toContain('immutable');
    }
    expect((await ctx.app.inject({ url: sibling('package.json') })).statusCode).toBe(404);
  });

  it('refuses a form for another application, and sends the page to the appointment once booked', async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 5);
    const mine = await makeApplication(ctx.db, { unitCode: unit.code });
    const sibling = await makeApplication(ctx.db, { unitCode: unit.code, accountId: mine.accountId });
    const browser = await ownerBrowser(ctx.app, ctx.db, mine);
    const token = formTokenIn((await browser.get(`/applications/${sibling.id}/book`)).body);
    const swapped = await later(20, () =>
      browser.request({ method: 'POST', url: `/applications/${mine.id}/book`, form: { date, formToken: token } }),
    );
    expect(swapped.statusCode).toBe(422);
    expect(swapped.body).toContain(t('booking.proof.invalid'));

    await bookDirectly(ctx.app, mine, date);
    const page = await browser.get(`/applications/${mine.id}/book`);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/applications/${mine.id}/appointment`);
  });
});
