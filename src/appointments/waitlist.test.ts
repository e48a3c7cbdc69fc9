import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeUnit, openDate } from '../../test/factories.ts';
import { mailsTo } from '../../test/mail.ts';
import { auditFor, queuedMailCount } from '../accounts/test-support.ts';
import { applicationActions } from '../applications/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { witaInstant } from '../platform/calendar/wita.ts';
import { formatDay, translator } from '../platform/i18n/index.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { units } from '../units/schema.ts';
import { billings } from '../payments/schema.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { expireUnpaid } from './expire-unpaid.ts';
import { lapseOffer, WAITLIST_LAPSE_JOB } from './release-place.ts';
import { appointments, waitlist } from './schema.ts';
import { bookDirectly, bookedOn, ownerBrowser } from './test-support.ts';
import { joinWaitlist } from './waitlist.ts';

const t = translator('id');
const rules = { windowDays: 30, opensAt: '08:00' };

describeApp('waitlist', (ctx) => {
  const entryOf = async (applicationId: string) =>
    (await ctx.db.select().from(waitlist).where(eq(waitlist.applicationId, applicationId)))[0]!;
  const join = (applicationId: string, date: string) =>
    ctx.db.transaction((tx) => joinWaitlist(tx, systemCaller('test'), { applicationId, date }, rules));
  const liveOn = async (unitCode: string, date: string) =>
    (
      await ctx.db
        .select()
        .from(appointments)
        .where(and(eq(appointments.unitCode, unitCode), eq(appointments.date, date), sql`state in ('booked', 'paid')`))
    ).map((a) => a.applicationId);

  /** A unit whose date has one place, taken. */
  async function fullDay() {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code, 2);
    await openDate(ctx.db, unit.code, date, 1);
    const holder = await makeApplication(ctx.db, { unitCode: unit.code });
    const booking = await bookDirectly(ctx.app, holder, date);
    return { unit, date, holder, booking };
  }

  it('joins only a full date, once, from the booking page', async () => {
    const { unit, date } = await fullDay();
    const free = await serviceDay(ctx.db, unit.code, 3);
    await openDate(ctx.db, unit.code, free, 3);
    const waiter = await makeApplication(ctx.db, { unitCode: unit.code });
    const browser = await ownerBrowser(ctx.app, ctx.db, waiter);
    await browser.get(`/applications/${waiter.id}/book`);

    const notFull = await browser.request({
      method: 'POST',
      url: `/applications/${waiter.id}/waitlist`,
      form: { date: free },
    });
    expect(notFull.statusCode).toBe(422);
    expect(notFull.body).toContain(t('booking.waitlist.notFull'));
    const joined = await browser.request({
      method: 'POST',
      url: `/applications/${waiter.id}/waitlist`,
      form: { date },
    });
    expect(joined.statusCode).toBe(303);
    expect(await entryOf(waiter.id)).toMatchObject({ date, state: 'waiting', holdUntil: null });
    const page = await browser.get(`/applications/${waiter.id}/book`);
    expect(page.body).toContain(t('booking.waitlist.waiting', { date: formatDay('id', date) }));
    const twice = await browser.request({ method: 'POST', url: `/applications/${waiter.id}/waitlist`, form: { date } });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain(t('booking.waitlist.already'));
    expect(await auditFor(ctx.db, (await entryOf(waiter.id)).id, 'waitlist.join')).toHaveLength(1);
  });

  it('takes nobody on the list of a unit that serves no more (closed or planned)', async () => {
    for (const state of ['closed', 'planned'] as const) {
      const { unit, date } = await fullDay();
      await ctx.db.update(units).set({ state }).where(eq(units.code, unit.code));
      const waiter = await makeApplication(ctx.db, { unitCode: unit.code });
      await expect(join(waiter.id, date), state).rejects.toMatchObject({ code: 'date_closed' });
      expect(await ctx.db.select().from(waitlist).where(eq(waitlist.applicationId, waiter.id))).toEqual([]);
    }
  });

  it('holds a freed place for the first in line, mails them, and lets them take it', async () => {
    const { unit, date, holder } = await fullDay();
    const first = await makeApplication(ctx.db, { unitCode: unit.code });
    const second = await makeApplication(ctx.db, { unitCode: unit.code });
    await join(first.id, date);
    await join(second.id, date);

    const before = Date.now();
    await ctx.db.transaction((tx) => cancelAppointment(tx, systemCaller('test'), { applicationId: holder.id }));
    const offer = await entryOf(first.id);
    expect(offer.state).toBe('offered');
    expect(offer.holdUntil!.getTime()).toBeGreaterThanOrEqual(before + 119 * 60_000);
    expect(offer.holdUntil!.getTime()).toBeLessThanOrEqual(witaInstant(date).getTime());
    expect((await entryOf(second.id)).state).toBe('waiting');
    expect(await bookedOn(ctx.db, unit.code, date)).toBe(1); // held, not given back
    const [lapse] = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, WAITLIST_LAPSE_JOB), sql`${jobs.payload}->>'entryId' = ${offer.id}`));
    expect(lapse!.runAt.getTime()).toBe(offer.holdUntil!.getTime());

    // Nobody else can take the held place.
    const outsider = await makeApplication(ctx.db, { unitCode: unit.code });
    await expect(bookDirectly(ctx.app, outsider, date)).rejects.toMatchObject({ code: 'quota_full' });

    const [mail] = await mailsTo(ctx, first.email!);
    expect(mail!.subject).toBe(t('booking.mail.offer.subject', { date: formatDay('id', date) }));
    expect(mail!.text).toContain(`/applications/${first.id}/book`);

    const browser = await ownerBrowser(ctx.app, ctx.db, first);
    const page = await browser.get(`/applications/${first.id}/book`);
    expect(page.body).toContain(t('booking.waitlist.accept'));
    const accepted = await browser.request({
      method: 'POST',
      url: `/applications/${first.id}/waitlist/${offer.id}/accept`,
      form: {},
    });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe(`/applications/${first.id}/appointment`);
    expect(await liveOn(unit.code, date)).toEqual([first.id]);
    expect(await bookedOn(ctx.db, unit.code, date)).toBe(1);
    expect((await entryOf(first.id)).state).toBe('accepted');
    const [billing] = await ctx.db.select().from(billings).where(eq(billings.applicationId, first.id));
    expect(billing!.amount).toBe(950_000);
    await ctx.app.deps.jobs.runDue();
    expect(await queuedMailCount(ctx.db, first.email!)).toBe(2); // the offer and the booking confirmation
    const types = (
      await ctx.db
        .select({ type: applicationActions.type })
        .from(applicationActions)
        .where(eq(applicationActions.applicationId, first.id))
        .orderBy(applicationActions.id)
    ).map((a) => a.type);
    expect(types).toEqual(['waitlist_joined', 'waitlist_offered', 'appointment_booked', 'waitlist_accepted']);
  });

  it('lapses an offer not taken in time and offers the place to the next, then gives it back', async () => {
    const { unit, date, booking } = await fullDay();
    const first = await makeApplication(ctx.db, { unitCode: unit.code });
    const second = await makeApplication(ctx.db, { unitCode: unit.code });
    await join(first.id, date);
    await join(second.id, date);

    // The holder never pays: the billing expiry frees the place, and the first in line gets it.
    const expired = await ctx.db.transaction((tx) =>
      expireUnpaid(tx, booking.appointment.id, {
        publicUrl: ctx.config.publicUrl,
        now: new Date(booking.billing.expiresAt.getTime() + 1000),
      }),
    );
    expect(expired.expired).toBe(true);
    expect(await liveOn(unit.code, date)).toEqual([]);
    const offer = await entryOf(first.id);
    expect(offer.state).toBe('offered');
    expect(await bookedOn(ctx.db, unit.code, date)).toBe(1);

    expect(
      await ctx.db.transaction((tx) => lapseOffer(tx, offer.id, new Date(offer.holdUntil!.getTime() - 1000))),
    ).toBe(false);
    // The hold runs out: its job, due at hold_until, lapses the offer.
    const past = new Date(Date.now() - 1000);
    await ctx.db.update(waitlist).set({ holdUntil: past }).where(eq(waitlist.id, offer.id));
    await ctx.db
      .update(jobs)
      .set({ runAt: past })
      .where(and(eq(jobs.kind, WAITLIST_LAPSE_JOB), sql`${jobs.payload}->>'entryId' = ${offer.id}`));
    await ctx.app.deps.jobs.runDue();
    expect((await entryOf(first.id)).state).toBe('lapsed');
    const next = await entryOf(second.id);
    expect(next.state).toBe('offered');
    expect(await bookedOn(ctx.db, unit.code, date)).toBe(1);

    // Too late for the first: the offer is gone.
    const browser = await ownerBrowser(ctx.app, ctx.db, first);
    await browser.get(`/applications/${first.id}/book`);
    const refused = await browser.request({
      method: 'POST',
      url: `/applications/${first.id}/waitlist/${offer.id}/accept`,
      form: {},
    });
    expect(refused.statusCode).toBe(409);
    expect(await liveOn(unit.code, date)).toEqual([]);

    // The second leaves instead: nobody else waits, so the place goes back to the counter.
    const leaving = await ownerBrowser(ctx.app, ctx.db, second);
    await leaving.get(`/applications/${second.id}/book`);
    const left = await leaving.request({
      method: 'POST',
      url: `/applications/${second.id}/waitlist/${next.id}/leave`,
      form: {},
    });
    expect(left.statusCode).toBe(303);
    expect((await entryOf(second.id)).state).toBe('withdrawn');
    expect(await bookedOn(ctx.db, unit.code, date)).toBe(0);
    expect(await auditFor(ctx.db, offer.id, 'waitlist.lapse')).toHaveLength(1);
  });

  it('skips people who booked elsewhere meanwhile, and returns the place when nobody is left', async () => {
    const { unit, date, holder } = await fullDay();
    const waiter = await makeApplication(ctx.db, { unitCode: unit.code });
    await join(waiter.id, date);
    const elsewhere = await serviceDay(ctx.db, unit.code, 4);
    await openDate(ctx.db, unit.code, elsewhere, 2);
    await bookDirectly(ctx.app, waiter, elsewhere);

    await ctx.db.transaction((tx) => cancelAppointment(tx, systemCaller('test'), { applicationId: holder.id }));
    expect((await entryOf(waiter.id)).state).toBe('withdrawn');
    expect(await bookedOn(ctx.db, unit.code, date)).toBe(0);
  });
});
