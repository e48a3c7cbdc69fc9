import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeCitizen, makeUnit, openDate, sessionCookie } from '../../test/factories.ts';
import { mailsTo } from '../../test/mail.ts';
import { remindUnpaid } from '../appointments/billing-reminder.ts';
import { accounts } from '../platform/auth/schema.ts';
import { formatRupiah } from '../platform/i18n/index.ts';
import { applications } from '../applications/schema.ts';
import { bookAppointment } from '../appointments/book-appointment.ts';
import { expireUnpaid } from '../appointments/expire-unpaid.ts';
import { appointments, dayQuotas } from '../appointments/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { signPayload } from './signature.ts';

describeApp('payments', (ctx) => {
  const bookOne = async (now = new Date()) => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 1);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const booked = await ctx.db.transaction((tx) =>
      bookAppointment(
        tx,
        systemCaller('test'),
        { applicationId: application.id, date },
        ctx.config.booking,
        ctx.app.deps.secrets.qr,
        now,
      ),
    );
    return { unit, date, application, booked };
  };
  const notify = (body: object, secret = ctx.app.deps.secrets.payments) => {
    const raw = JSON.stringify(body);
    return ctx.app.inject({
      method: 'POST',
      url: '/api/v1/payments/notifications',
      headers: { 'content-type': 'application/json', 'x-sikoe-signature': signPayload(secret, raw) },
      payload: raw,
    });
  };
  const statusOf = async (id: string) =>
    (await ctx.db.select({ s: applications.status }).from(applications).where(eq(applications.id, id)))[0]!.s;

  it('settles a billing code from a signed notification, once', async () => {
    const { application, booked } = await bookOne();
    const body = { billingCode: booked.billing.code, amount: booked.billing.amount, reference: 'BNI-123' };
    const first = await notify(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ billingCode: booked.billing.code, status: 'paid', alreadyPaid: false });
    expect((await notify(body)).json().alreadyPaid).toBe(true);
    expect(await statusOf(application.id)).toBe('paid');
    const [appointment] = await ctx.db.select().from(appointments).where(eq(appointments.id, booked.appointment.id));
    expect(appointment!.state).toBe('paid');
  });

  it('refuses unsigned, wrongly signed, wrong-amount and unknown notifications without changing anything', async () => {
    const { application, booked } = await bookOne();
    const body = { billingCode: booked.billing.code, amount: booked.billing.amount };
    const unsigned = await ctx.app.inject({ method: 'POST', url: '/api/v1/payments/notifications', payload: body });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.code).toBe('invalid_signature');
    expect((await notify(body, 'not-the-key-0123456789')).statusCode).toBe(401);
    const wrongAmount = await notify({ ...body, amount: 1 });
    expect(wrongAmount.statusCode).toBe(422);
    expect((await notify({ ...body, billingCode: '999999999999999' })).statusCode).toBe(404);
    expect(await statusOf(application.id)).toBe('booked');
  });

  it('releases an unpaid booking when its code expires and returns the place; a late payment is refused', async () => {
    const booking = await bookOne(new Date(Date.now() - 3 * 3_600_000));
    const { unit, date, application, booked } = booking;
    const result = await ctx.db.transaction((tx) =>
      expireUnpaid(tx, booked.appointment.id, { publicUrl: ctx.config.publicUrl }),
    );
    expect(result.expired).toBe(true);
    const [day] = await ctx.db
      .select()
      .from(dayQuotas)
      .where(and(eq(dayQuotas.unitCode, unit.code), eq(dayQuotas.date, date)));
    expect(day!.booked).toBe(0);
    expect(await statusOf(application.id)).toBe('submitted');
    const late = await notify({ billingCode: booked.billing.code, amount: booked.billing.amount });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('billing_expired');
  });

  it('takes a payment time only from while the code was valid: not before it was issued, not after, not ahead', async () => {
    const expired = await bookOne(new Date(Date.now() - 3 * 3_600_000));
    const billing = expired.booked.billing;
    const at = (ms: number) => new Date(ms).toISOString();
    const issued = Date.now() - 3 * 3_600_000;
    for (const paidAt of [at(issued - 60_000), at(Date.now() + 3_600_000)]) {
      const res = await notify({ billingCode: billing.code, amount: billing.amount, paidAt });
      expect(res.statusCode, paidAt).toBe(422);
      expect(res.json().error.fields).toHaveProperty('paidAt');
    }
    const afterExpiry = await notify({
      billingCode: billing.code,
      amount: billing.amount,
      paidAt: at(billing.expiresAt.getTime() + 60_000),
    });
    expect(afterExpiry.json().error.code).toBe('billing_expired');
    expect(await statusOf(expired.application.id)).toBe('booked');
    // A bank that reports late a payment made in time is believed.
    const inTime = await notify({
      billingCode: billing.code,
      amount: billing.amount,
      paidAt: at(issued + 30 * 60_000),
    });
    expect(inTime.statusCode).toBe(200);
  });

  it('leaves a case already at the office in its workflow step when it is paid or its code runs out', async () => {
    const paidLater = await bookOne();
    const expiring = await bookOne(new Date(Date.now() - 3 * 3_600_000));
    // As check-in leaves them: the application at the office, its appointment attended.
    for (const { application, booked } of [paidLater, expiring]) {
      await ctx.db.update(applications).set({ status: 'checked_in' }).where(eq(applications.id, application.id));
      await ctx.db.update(appointments).set({ state: 'attended' }).where(eq(appointments.id, booked.appointment.id));
    }
    expect(
      (await notify({ billingCode: paidLater.booked.billing.code, amount: paidLater.booked.billing.amount }))
        .statusCode,
    ).toBe(200);
    expect(await statusOf(paidLater.application.id)).toBe('checked_in');
    const [attended] = await ctx.db
      .select({ state: appointments.state })
      .from(appointments)
      .where(eq(appointments.id, paidLater.booked.appointment.id));
    expect(attended!.state).toBe('attended');
    expect(
      (
        await ctx.db.transaction((tx) =>
          expireUnpaid(tx, expiring.booked.appointment.id, { publicUrl: ctx.config.publicUrl }),
        )
      ).expired,
    ).toBe(false);
    expect(await statusOf(expiring.application.id)).toBe('checked_in');
  });

  it('runs the expiry as a job queued with the booking, and leaves paid bookings alone', async () => {
    const expired = await bookOne(new Date(Date.now() - 3 * 3_600_000));
    const paid = await bookOne(new Date(Date.now() - 3 * 3_600_000));
    await ctx.db.update(appointments).set({ state: 'paid' }).where(eq(appointments.id, paid.booked.appointment.id));
    await ctx.app.deps.jobs.runDue();
    const states = await ctx.db.select({ id: appointments.id, state: appointments.state }).from(appointments);
    expect(states.find((s) => s.id === expired.booked.appointment.id)!.state).toBe('expired');
    expect(states.find((s) => s.id === paid.booked.appointment.id)!.state).toBe('paid');
  });

  it('shows how to pay the billing code, channel by channel, to its applicant and to anyone in general', async () => {
    const { application, booked } = await bookOne();
    const [owner] = await ctx.db.select().from(accounts).where(eq(accounts.id, application.accountId));
    const url = `/applications/${application.id}/appointment/cara-membayar`;
    const page = await ctx.app.inject({ url, headers: { cookie: await sessionCookie(ctx.db, owner!) } });
    expect(page.statusCode).toBe(200);
    for (const text of [
      'Teller bank',
      'ATM',
      'Mobile banking',
      'Kantor Pos',
      'Tokopedia',
      'Bank NTT',
      booked.billing.code,
      formatRupiah('id', booked.billing.amount),
    ])
      expect(page.body).toContain(text);
    expect(page.body).toContain(`Masukkan kode billing ${booked.billing.code}.`);
    const english = await ctx.app.inject({
      url,
      headers: { cookie: `${await sessionCookie(ctx.db, owner!)}; lang=en` },
    });
    expect(english.body).toContain(`Enter the billing code ${booked.billing.code}.`);
    expect(english.body).toContain(formatRupiah('en', booked.billing.amount));
    const stranger = await ctx.app.inject({
      url,
      headers: { cookie: await sessionCookie(ctx.db, await makeCitizen(ctx.db)) },
    });
    expect(stranger.statusCode).toBe(403);
    const general = await ctx.app.inject({ url: '/cara-membayar' });
    expect(general.statusCode).toBe(200);
    expect(general.body).toContain('Masukkan kode billing kode billing Anda.');
    expect(general.body).not.toContain(booked.billing.code);
  });

  it('reminds the applicant before an unpaid code runs out, and tells them when the booking was released', async () => {
    // Booked 100 minutes ago: the code has 20 minutes left, past the reminder's time.
    const { application, booked } = await bookOne(new Date(Date.now() - 100 * 60_000));
    const [owner] = await ctx.db.select().from(accounts).where(eq(accounts.id, application.accountId));
    expect(await ctx.db.transaction((tx) => remindUnpaid(tx, booked.appointment.id, ctx.config.publicUrl))).toBe(true);
    const [reminder] = await mailsTo(ctx, owner!.email, 1);
    expect(reminder!.subject).toBe(`Kode billing ${booked.billing.code} segera berakhir`);
    expect(reminder!.text).toContain(`/applications/${application.id}/appointment/cara-membayar`);
    // Paid in time: no reminder.
    const paid = await bookOne(new Date(Date.now() - 100 * 60_000));
    await notify({ billingCode: paid.booked.billing.code, amount: paid.booked.billing.amount });
    expect(await ctx.db.transaction((tx) => remindUnpaid(tx, paid.booked.appointment.id, ctx.config.publicUrl))).toBe(
      false,
    );

    const late = await bookOne(new Date(Date.now() - 3 * 3_600_000));
    const [lateOwner] = await ctx.db.select().from(accounts).where(eq(accounts.id, late.application.accountId));
    expect(
      (
        await ctx.db.transaction((tx) =>
          expireUnpaid(tx, late.booked.appointment.id, { publicUrl: ctx.config.publicUrl }),
        )
      ).expired,
    ).toBe(true);
    const released = (await mailsTo(ctx, lateOwner!.email, 1)).find((m) => m.subject.includes('dilepas'));
    expect(released!.text).toContain(`/applications/${late.application.id}/book`);
  });
});
