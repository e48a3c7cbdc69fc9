import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeOfficer, makeUnit } from '../../test/factories.ts';
import { applicationActions } from '../applications/schema.ts';
import { appointments, dayQuotas } from '../appointments/schema.ts';
import { settleBilling } from '../appointments/settle-billing.ts';
import { billings } from '../payments/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import type { OpeningHours } from '../units/schema.ts';
import { registerPriorityWalkIn } from './register-priority-walk-in.ts';
import { apiAs, arrivalState, bookedToday, counterAtOpenUnit, priorityQuota, qrOf } from './test-support.ts';

const yearsAgo = (years: number, days = 0) =>
  addDays(`${Number(witaDate().slice(0, 4)) - years}${witaDate().slice(4)}`, -days);

describeApp('priority walk-ins', (ctx) => {
  const api = (...args: Parameters<ReturnType<typeof apiAs>>) => apiAs(ctx.app, ctx.db)(...args);
  const setup = () => counterAtOpenUnit(ctx.db);
  /** What a refused arrival must leave untouched. */
  const state = (applicationId: string) => arrivalState(ctx.db, applicationId);

  it('registers a priority walk-in under today’s priority quota with a billing, a P ticket and check-in; refuses when the quota is full', async () => {
    const { unit, officer } = await setup();
    await priorityQuota(ctx.db, unit.code, 1);
    const elderly = await makeApplication(ctx.db, { unitCode: unit.code, birthDate: yearsAgo(60) });
    const another = await makeApplication(ctx.db, { unitCode: unit.code, birthDate: yearsAgo(2), validityYears: 5 });
    const booked = await bookedToday(ctx.db, unit.code);
    const url = `/api/v1/units/${unit.code}/walk-ins`;

    const res = await api(officer, 'POST', url, {
      trackingCode: elderly.trackingCode,
      birthDate: elderly.birthDate,
      reason: 'elderly',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      ticket: 'P-001',
      status: 'checked_in',
      applicant: { nik: elderly.nik },
      billing: { amount: elderly.feeTotal },
    });
    const [appointment] = await ctx.db.select().from(appointments).where(eq(appointments.applicationId, elderly.id));
    expect(appointment).toMatchObject({
      unitCode: unit.code,
      date: witaDate(),
      channel: 'priority',
      state: 'attended',
      nik: elderly.nik,
    });
    const [billing] = await ctx.db.select().from(billings).where(eq(billings.appointmentId, appointment!.id));
    expect(billing).toMatchObject({ code: res.json().billing.code, applicationId: elderly.id, paidAt: null });
    const [day] = await ctx.db
      .select()
      .from(dayQuotas)
      .where(and(eq(dayQuotas.unitCode, unit.code), eq(dayQuotas.channel, 'priority')));
    expect(day).toMatchObject({ capacity: 1, booked: 1 });
    const history = await ctx.db
      .select()
      .from(applicationActions)
      .where(eq(applicationActions.applicationId, elderly.id))
      .orderBy(applicationActions.id);
    expect(history.map((h) => [h.type, h.payload.status])).toEqual([
      ['appointment_booked', 'booked'],
      ['check_in', 'checked_in'],
    ]);
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'queue.walk_in')));
    expect(audit!.details).toEqual({ ticket: 'P-001', reason: 'elderly', appointmentId: appointment!.id });

    const before = await state(another.id);
    const full = await api(officer, 'POST', url, {
      trackingCode: another.trackingCode,
      birthDate: another.birthDate,
      reason: 'toddler',
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('quota_full');
    expect(await state(another.id)).toEqual(before);
    // The booked series counts on its own.
    expect(
      (await api(officer, 'POST', `/api/v1/units/${unit.code}/check-ins`, { qr: qrOf(ctx.app, booked) })).json().ticket,
    ).toBe('A-001');
    const again = await api(officer, 'POST', url, {
      trackingCode: elderly.trackingCode,
      birthDate: elderly.birthDate,
      reason: 'elderly',
    });
    expect(again.json().error.code).toBe('already_checked_in');

    // The walk-in pays at the office: the code is taken, the appointment stays attended, the case in its step.
    await ctx.db.transaction((tx) => settleBilling(tx, systemCaller('test'), { code: billing!.code }));
    expect(await state(elderly.id)).toMatchObject({ status: 'checked_in', appointments: 1 });
    const [paid] = await ctx.db.select().from(appointments).where(eq(appointments.id, appointment!.id));
    expect(paid!.state).toBe('attended');
    expect((await ctx.db.select().from(billings).where(eq(billings.code, billing!.code)))[0]!.paidAt).not.toBeNull();
  });

  it('checks the age on record for elderly and toddler walk-ins, and the application’s unit and status', async () => {
    const { unit, officer } = await setup();
    await priorityQuota(ctx.db, unit.code, 5);
    const almostSixty = await makeApplication(ctx.db, { unitCode: unit.code, birthDate: yearsAgo(60, -1) });
    const five = await makeApplication(ctx.db, { unitCode: unit.code, birthDate: yearsAgo(5), validityYears: 5 });
    const elsewhere = await makeApplication(ctx.db, { unitCode: 'KANIM-KUPANG' });
    const draft = await makeApplication(ctx.db, { unitCode: unit.code, status: 'draft' });
    const booked = await bookedToday(ctx.db, unit.code);
    const url = `/api/v1/units/${unit.code}/walk-ins`;
    const walkIn = (a: { trackingCode: string; birthDate: string | null }, reason: string) =>
      api(officer, 'POST', url, { trackingCode: a.trackingCode, birthDate: a.birthDate, reason });

    const young = await walkIn(almostSixty, 'elderly');
    expect(young.statusCode).toBe(422);
    expect(young.json().error).toMatchObject({
      code: 'validation_failed',
      fields: { reason: expect.stringContaining('60') },
    });
    expect((await walkIn(five, 'toddler')).json().error.fields.reason).toBeTruthy();
    expect((await walkIn(elsewhere, 'disabled')).json().error.code).toBe('wrong_unit');
    expect((await walkIn(draft, 'disabled')).statusCode).toBe(404);
    expect((await walkIn(booked, 'pregnant')).json().error.code).toBe('invalid_transition');
    expect((await walkIn({ ...almostSixty, birthDate: '1950-01-01' }, 'elderly')).statusCode).toBe(404);
    for (const a of [almostSixty, five, elsewhere])
      expect(await state(a.id)).toMatchObject({ status: 'submitted', tickets: 0, appointments: 0 });
    const [day] = await ctx.db
      .select()
      .from(dayQuotas)
      .where(and(eq(dayQuotas.unitCode, unit.code), eq(dayQuotas.channel, 'priority')));
    expect(day?.booked ?? 0).toBe(0);

    expect((await walkIn(five, 'disabled')).json().ticket).toBe('P-001');
    expect((await walkIn(almostSixty, 'pregnant')).json().ticket).toBe('P-002');
  });
  it('registers walk-ins only within the unit’s opening hours (WITA), or outside them with an override whose reason history and audit keep', async () => {
    const eightToFour = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['08:00', '16:00']]]),
    ) as OpeningHours;
    const unit = await makeUnit(ctx.db, { openingHours: eightToFour });
    const officer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    await priorityQuota(ctx.db, unit.code, 5);
    const night = await makeApplication(ctx.db, { unitCode: unit.code });
    const closing = await makeApplication(ctx.db, { unitCode: unit.code });
    const morning = await makeApplication(ctx.db, { unitCode: unit.code });
    const today = witaDate();
    const walkIn = (
      a: { trackingCode: string; birthDate: string | null },
      at: string,
      outsideHours?: { reason: string },
    ) =>
      ctx.db.transaction((tx) =>
        registerPriorityWalkIn(
          tx,
          { actor: toActor(officer, 'session', true) },
          {
            unitCode: unit.code,
            trackingCode: a.trackingCode,
            birthDate: a.birthDate!,
            reason: 'disabled',
            outsideHours,
          },
          witaInstant(today, at),
        ),
      );

    // 01.44 WITA, as in the issue: refused, naming the day's hours, and nothing is taken.
    const refusal = await walkIn(night, '01:44').catch((err: unknown) => err);
    expect(refusal).toMatchObject({
      code: 'validation_failed',
      fields: { outsideHours: 'queue.errors.outsideHours' },
      params: { hours: '08:00–16:00' },
    });
    expect(await walkIn(closing, '16:00').catch((err: unknown) => err)).toMatchObject({ code: 'validation_failed' });
    for (const a of [night, closing])
      expect(await state(a.id)).toMatchObject({ status: 'submitted', tickets: 0, appointments: 0 });
    const [day] = await ctx.db
      .select()
      .from(dayQuotas)
      .where(and(eq(dayQuotas.unitCode, unit.code), eq(dayQuotas.channel, 'priority')));
    expect(day?.booked ?? 0).toBe(0);

    expect((await walkIn(morning, '08:00')).ticket).toBe('P-001');
    const reason = 'Dirujuk RSUD Kupang, datang sebelum kantor buka';
    expect((await walkIn(night, '01:44', { reason })).ticket).toBe('P-002');

    const booked = async (applicationId: string) =>
      (
        await ctx.db
          .select()
          .from(applicationActions)
          .where(
            and(eq(applicationActions.applicationId, applicationId), eq(applicationActions.type, 'appointment_booked')),
          )
      )[0]!.payload;
    expect(await booked(night.id)).toMatchObject({ outsideHours: { reason } });
    expect(await booked(morning.id)).not.toHaveProperty('outsideHours');
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'queue.walk_in')))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.details.outsideHours ?? null)).toEqual([null, { reason }]);
  });

  it('refuses walk-ins over the API on a day the unit does not open unless overridden with a reason', async () => {
    const closed = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, []]),
    ) as unknown as OpeningHours;
    const unit = await makeUnit(ctx.db, { openingHours: closed });
    const officer = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    await priorityQuota(ctx.db, unit.code, 2);
    const applicant = await makeApplication(ctx.db, { unitCode: unit.code });
    const url = `/api/v1/units/${unit.code}/walk-ins`;
    const body = { trackingCode: applicant.trackingCode, birthDate: applicant.birthDate, reason: 'pregnant' };

    const refused = await api(officer, 'POST', url, body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual({ outsideHours: expect.stringContaining('tidak buka hari ini') });
    expect(await state(applicant.id)).toMatchObject({ status: 'submitted', tickets: 0, appointments: 0 });
    expect((await api(officer, 'POST', url, { ...body, outsideHours: { reason: '' } })).statusCode).toBe(422);

    const done = await api(officer, 'POST', url, {
      ...body,
      outsideHours: { reason: 'Layanan jemput bola pada hari libur' },
    });
    expect(done.statusCode, done.body).toBe(201);
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'queue.walk_in')));
    expect(audit!.details).toMatchObject({ outsideHours: { reason: 'Layanan jemput bola pada hari libur' } });
  });
});
