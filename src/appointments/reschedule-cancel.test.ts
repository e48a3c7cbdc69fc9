import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeUnit, openDate } from '../../test/factories.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { auditFor } from '../accounts/test-support.ts';
import { applicationActions, applications } from '../applications/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { addDays, witaInstant } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { units } from '../units/schema.ts';
import { rescheduleAppointment } from './reschedule-appointment.ts';
import { appointments } from './schema.ts';
import { settleBilling } from './settle-billing.ts';
import { bookDirectly, bookedOn, ownerBrowser } from './test-support.ts';

const t = translator('id');
const rules = { windowDays: 30, opensAt: '08:00' };

describeApp('reschedule and cancel', (ctx) => {
  const tokenFor = async (accountId: string) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), accountId, 'test'))).token;
  const api = (token: string, url: string, payload: object = {}) =>
    ctx.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
  const appointmentOf = async (id: string) =>
    (await ctx.db.select().from(appointments).where(eq(appointments.id, id)))[0]!;
  const actionTypes = async (applicationId: string) =>
    (
      await ctx.db
        .select({ type: applicationActions.type })
        .from(applicationActions)
        .where(eq(applicationActions.applicationId, applicationId))
        .orderBy(applicationActions.id)
    ).map((a) => a.type);

  async function booked(days = 3) {
    const unit = await makeUnit(ctx.db);
    const dates = await Promise.all(Array.from({ length: days }, (_, n) => serviceDay(ctx.db, unit.code, n + 1)));
    for (const date of dates) await openDate(ctx.db, unit.code, date, 5);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const { appointment } = await bookDirectly(ctx.app, application, dates[0]!);
    return { unit, dates, application, appointment };
  }

  it('moves an appointment once through the page, taking the new day and freeing the old in one step', async () => {
    const { unit, dates, application, appointment } = await booked();
    const [first, second, third] = dates as [string, string, string];
    const browser = await ownerBrowser(ctx.app, ctx.db, application);
    const page = await browser.get(`/applications/${application.id}/appointment/reschedule`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`value="${first}"`); // the current date is not offered again

    const moved = await browser.request({
      method: 'POST',
      url: `/applications/${application.id}/appointment/reschedule`,
      form: { date: second },
    });
    expect(moved.statusCode).toBe(303);
    expect(await appointmentOf(appointment.id)).toMatchObject({ date: second, reschedules: 1, state: 'booked' });
    expect([await bookedOn(ctx.db, unit.code, first), await bookedOn(ctx.db, unit.code, second)]).toEqual([0, 1]);
    expect(await actionTypes(application.id)).toContain('appointment_rescheduled');
    expect(await auditFor(ctx.db, appointment.id, 'appointment.reschedule')).toMatchObject([
      { details: { from: first, to: second } },
    ]);
    const confirmation = await browser.get(`/applications/${application.id}/appointment`);
    expect(confirmation.body).toContain(t('booking.confirmation.rescheduleUsed'));

    const again = await browser.request({
      method: 'POST',
      url: `/applications/${application.id}/appointment/reschedule`,
      form: { date: third },
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(t('errors.reschedule_not_allowed'));
    const viaApi = await api(
      await tokenFor(application.accountId),
      `/api/v1/applications/${application.id}/appointment/reschedule`,
      { date: third },
    );
    expect(viaApi.statusCode).toBe(409);
    expect(viaApi.json().error.code).toBe('reschedule_not_allowed');
    expect(await appointmentOf(appointment.id)).toMatchObject({ date: second, reschedules: 1 });
    expect(await bookedOn(ctx.db, unit.code, third)).toBe(0);
  });

  it('moves through the API with a new QR, until the day before (H-1, WITA) and not on the day itself', async () => {
    const { unit, dates, application, appointment } = await booked();
    const [first, second] = dates as [string, string];
    const caller = systemCaller('test');
    const onTheDay = ctx.db.transaction((tx) =>
      rescheduleAppointment(
        tx,
        caller,
        { applicationId: application.id, date: second },
        rules,
        'k',
        witaInstant(first, '07:00'),
      ),
    );
    await expect(onTheDay).rejects.toMatchObject({ code: 'reschedule_not_allowed' });
    expect(await appointmentOf(appointment.id)).toMatchObject({ date: first, reschedules: 0 });

    const res = await api(
      await tokenFor(application.accountId),
      `/api/v1/applications/${application.id}/appointment/reschedule`,
      { date: second },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().appointment).toMatchObject({
      id: appointment.id,
      date: second,
      unitCode: unit.code,
      reschedules: 1,
    });
    expect(res.json().appointment.qr).not.toBe(appointment.qr);
    expect(res.json().appointment.qr).toContain(`.${second}.`);

    // The evening before still counts as H-1.
    const other = await booked();
    const lastMinute = await ctx.db.transaction((tx) =>
      rescheduleAppointment(
        tx,
        caller,
        { applicationId: other.application.id, date: other.dates[2]! },
        rules,
        'k',
        witaInstant(addDays(other.dates[0]!, -1), '23:30'),
      ),
    );
    expect(lastMinute.appointment.date).toBe(other.dates[2]);
  });

  it('refuses a move to a full day and changes nothing', async () => {
    const { unit, dates, application, appointment } = await booked();
    await openDate(ctx.db, unit.code, dates[1]!, 0);
    const res = await api(
      await tokenFor(application.accountId),
      `/api/v1/applications/${application.id}/appointment/reschedule`,
      { date: dates[1] },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('quota_full');
    expect(await appointmentOf(appointment.id)).toMatchObject({ date: dates[0], reschedules: 0 });
    expect(await bookedOn(ctx.db, unit.code, dates[0]!)).toBe(1);
  });

  it('refuses a move at a unit that serves no more (closed or planned) and changes nothing', async () => {
    for (const state of ['closed', 'planned'] as const) {
      const { unit, dates, application, appointment } = await booked();
      // Closing is refused while live appointments remain; a unit closed before that rule still holds some.
      await ctx.db.update(units).set({ state }).where(eq(units.code, unit.code));
      const res = await api(
        await tokenFor(application.accountId),
        `/api/v1/applications/${application.id}/appointment/reschedule`,
        { date: dates[1] },
      );
      expect(res.statusCode, state).toBe(409);
      expect(res.json().error.code).toBe('date_closed');
      expect(await appointmentOf(appointment.id)).toMatchObject({ date: dates[0], reschedules: 0 });
    }
  });

  it('cancels through the page: the place is returned and the application can book again', async () => {
    const { unit, dates, application, appointment } = await booked(1);
    const browser = await ownerBrowser(ctx.app, ctx.db, application);
    expect(await bookedOn(ctx.db, unit.code, dates[0]!)).toBe(1);
    const confirm = await browser.get(`/applications/${application.id}/appointment/cancel`);
    expect(confirm.statusCode).toBe(200);
    const done = await browser.request({
      method: 'POST',
      url: `/applications/${application.id}/appointment/cancel`,
      form: {},
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/applications/${application.id}/book?cancelled=1`);
    expect(await bookedOn(ctx.db, unit.code, dates[0]!)).toBe(0);
    expect(await appointmentOf(appointment.id)).toMatchObject({ state: 'cancelled' });
    const [row] = await ctx.db.select().from(applications).where(eq(applications.id, application.id));
    expect(row!.status).toBe('submitted');
    expect(await actionTypes(application.id)).toEqual(['appointment_booked', 'appointment_cancelled']);
    expect(await auditFor(ctx.db, appointment.id, 'appointment.cancel')).toHaveLength(1);
    const page = await browser.get(done.headers.location as string);
    expect(page.body).toContain(t('booking.cancelled'));
  });

  it('cancels through the API, but not a paid appointment', async () => {
    const { unit, dates, application, appointment } = await booked(1);
    const token = await tokenFor(application.accountId);
    const res = await api(token, `/api/v1/applications/${application.id}/appointment/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ appointment: { id: appointment.id, date: dates[0], state: 'cancelled' } });
    expect(await bookedOn(ctx.db, unit.code, dates[0]!)).toBe(0);
    expect((await api(token, `/api/v1/applications/${application.id}/appointment/cancel`)).json().error.code).toBe(
      'invalid_transition',
    );

    const paid = await booked(1);
    const { billing } = await bookDirectly(ctx.app, paid.application, paid.dates[0]!);
    await ctx.db.transaction((tx) => settleBilling(tx, systemCaller('test'), { code: billing.code }));
    const refused = await api(
      await tokenFor(paid.application.accountId),
      `/api/v1/applications/${paid.application.id}/appointment/cancel`,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('invalid_transition');
    const [still] = await ctx.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.applicationId, paid.application.id), eq(appointments.state, 'paid')));
    expect(still).toBeDefined();
    const page = await (
      await ownerBrowser(ctx.app, ctx.db, paid.application)
    ).get(`/applications/${paid.application.id}/appointment/cancel`);
    expect(page.body).toContain(t('booking.cancel.paid'));
    expect(page.body).not.toContain(t('booking.cancel.submit'));
  });
});
