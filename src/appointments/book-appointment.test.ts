import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeUnit, openDate } from '../../test/factories.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { applicationActions, applications } from '../applications/schema.ts';
import { holidays } from '../holidays/schema.ts';
import { billings } from '../payments/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { isoWeekday } from './capacity.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { EXPIRE_JOB, bookAppointment } from './book-appointment.ts';
import { appointments, dayQuotas, quotaTemplates } from './schema.ts';

class Rollback extends Error {}

describeApp('booking: one read for refusals, one statement for the booking', (ctx) => {
  const tokenFor = async (accountId: string) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), accountId, 'test'))).token;
  const book = (token: string, applicationId: string, date: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${applicationId}/appointment`,
      headers: { authorization: `Bearer ${token}` },
      payload: { date },
    });
  const counter = async (unitCode: string, date: string) =>
    (
      await ctx.db
        .select()
        .from(dayQuotas)
        .where(and(eq(dayQuotas.unitCode, unitCode), eq(dayQuotas.date, date)))
    )[0];

  it('writes the appointment, billing, action, status, expiry job and audit entry together', async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 3);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const res = await book(await tokenFor(application.accountId), application.id, date);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();

    const [appointment] = await ctx.db
      .select()
      .from(appointments)
      .where(eq(appointments.applicationId, application.id));
    expect(appointment).toMatchObject({
      unitCode: unit.code,
      date,
      channel: 'online',
      nik: application.nik,
      state: 'booked',
    });
    const [billing] = await ctx.db.select().from(billings).where(eq(billings.appointmentId, appointment!.id));
    expect(billing).toMatchObject({
      code: body.billing.code,
      applicationId: application.id,
      amount: 950_000,
      paidAt: null,
    });
    expect(billing!.expiresAt.toISOString()).toBe(body.billing.expiresAt);
    const actions = await ctx.db
      .select()
      .from(applicationActions)
      .where(eq(applicationActions.applicationId, application.id));
    expect(actions).toEqual([
      expect.objectContaining({
        type: 'appointment_booked',
        actorId: application.accountId,
        payload: {
          status: 'booked',
          appointmentId: appointment!.id,
          date,
          unitCode: unit.code,
          billingCode: billing!.code,
        },
      }),
    ]);
    expect(
      (
        await ctx.db.select({ s: applications.status }).from(applications).where(eq(applications.id, application.id))
      )[0]!.s,
    ).toBe('booked');
    const [job] = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, EXPIRE_JOB), sql`${jobs.payload}->>'appointmentId' = ${appointment!.id}`));
    expect(job!.runAt.getTime()).toBe(billing!.expiresAt.getTime());
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'appointment'), eq(auditLog.targetId, appointment!.id)));
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'appointment.book',
        unitCode: unit.code,
        actorId: application.accountId,
        details: { date },
      }),
    ]);
    expect((await counter(unit.code, date))!.booked).toBe(1);
  });

  it('answers a resent request with its booking even once the day is full', async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 1);
    const [mine, theirs] = [
      await makeApplication(ctx.db, { unitCode: unit.code }),
      await makeApplication(ctx.db, { unitCode: unit.code }),
    ];
    const token = await tokenFor(mine.accountId);
    const first = await book(token, mine.id, date);
    expect(first.statusCode).toBe(201);
    const refused = await book(await tokenFor(theirs.accountId), theirs.id, date);
    expect(refused.json().error.code).toBe('quota_full');
    const again = await book(token, mine.id, date);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const other = await book(token, mine.id, await serviceDay(ctx.db, unit.code, 1));
    expect(other.json().error.code).toBe('already_booked');
    expect((await counter(unit.code, date))!.booked).toBe(1);
  });

  it('audits each of concurrent bookings once, in the statement that books', async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 8);
    const people = await Promise.all(
      Array.from({ length: 12 }, () => makeApplication(ctx.db, { unitCode: unit.code })),
    );
    const tokens = await Promise.all(people.map((p) => tokenFor(p.accountId)));
    const results = await Promise.all(people.map((p, i) => book(tokens[i]!, p.id, date)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(8);
    const booked = await ctx.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.unitCode, unit.code), eq(appointments.date, date)));
    expect(booked).toHaveLength(8);
    const entries = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appointment.book'), eq(auditLog.unitCode, unit.code)))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.targetId).sort()).toEqual(booked.map((b) => b.id).sort());
  });

  it('books once when the same request arrives twice at once', async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 5);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const token = await tokenFor(application.accountId);
    const results = await Promise.all([
      book(token, application.id, date),
      book(token, application.id, date),
      book(token, application.id, date),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.json().billing.code)).size).toBe(1);
    expect(await ctx.db.$count(appointments, eq(appointments.applicationId, application.id))).toBe(1);
    expect((await counter(unit.code, date))!.booked).toBe(1);
  });

  it('refuses a person who holds a live appointment at another unit, before touching the counter', async () => {
    const [a, b] = [await makeUnit(ctx.db), await makeUnit(ctx.db)];
    const date = await serviceDay(ctx.db, a.code);
    await openDate(ctx.db, a.code, date, 5);
    await openDate(ctx.db, b.code, date, 5);
    const first = await makeApplication(ctx.db, { unitCode: a.code });
    // The same person's other application (one per passport type may be open): still one live appointment per person.
    const second = await makeApplication(ctx.db, {
      unitCode: b.code,
      accountId: first.accountId,
      nik: first.nik,
      passportType: 'biasa',
    });
    const token = await tokenFor(first.accountId);
    expect((await book(token, first.id, date)).statusCode).toBe(201);
    const refused = await book(token, second.id, date);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('already_booked');
    expect(await counter(b.code, date)).toBeUndefined();
  });

  it("refuses a day closed by the unit's own closure or by a holiday for every unit", async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 5);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const attempt = (tx: Parameters<Parameters<typeof ctx.db.transaction>[0]>[0]) =>
      bookAppointment(tx, systemCaller('test'), { applicationId: application.id, date }, ctx.config.booking, 'secret');
    for (const unitCode of [unit.code, null]) {
      // Rolled back, so that a holiday for every unit never reaches the other tests.
      await expect(
        ctx.db.transaction(async (tx) => {
          await tx
            .insert(holidays)
            .values({ date, name: 'Tutup', kind: unitCode ? 'office_closure' : 'national', unitCode });
          await expect(attempt(tx)).rejects.toMatchObject({ code: 'date_closed' });
          throw new Rollback();
        }),
      ).rejects.toBeInstanceOf(Rollback);
    }
    expect(await counter(unit.code, date)).toBeUndefined();
  });

  it('books only an application still submitted when its lock is granted: one withdrawn meanwhile takes no place', async () => {
    // Needs a second connection to hold the lock; PGlite has one.
    if (ctx.kind !== 'postgres') return;
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 5);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const token = await tokenFor(application.accountId);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from applications where id = ${application.id} for update`);
      holding();
      await released;
      // Withdrawn by the transaction that holds the lock, while the booking waits for it.
      await tx.update(applications).set({ status: 'withdrawn' }).where(eq(applications.id, application.id));
    });
    await held;
    const attempt = book(token, application.id, date);
    // Wait until the request has passed its unlocked read and waits for the row.
    for (let i = 0; i < 200; i++) {
      const waiting = await ctx.db.execute(
        sql`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%for update%'`,
      );
      if ((waiting as { rows: unknown[] }).rows.length > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    release();
    await holder;
    const res = await attempt;
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_transition');
    expect((await counter(unit.code, date))?.booked ?? 0).toBe(0);
    expect(await ctx.db.select().from(appointments).where(eq(appointments.applicationId, application.id))).toEqual([]);
  });

  it('creates the day counter from the weekly template on the first booking, and refuses a zero-capacity day without one', async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 0);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const token = await tokenFor(application.accountId);
    expect((await book(token, application.id, date)).json().error.code).toBe('quota_full');
    expect(await counter(unit.code, date)).toBeUndefined();

    const templated = await makeUnit(ctx.db);
    await openDate(ctx.db, templated.code, date, 0);
    await ctx.db.execute(sql`delete from quota_overrides where unit_code = ${templated.code}`);
    await ctx.db
      .insert(quotaTemplates)
      .values({ unitCode: templated.code, weekday: isoWeekday(date), channel: 'online', capacity: 7 });
    const other = await makeApplication(ctx.db, { unitCode: templated.code });
    expect((await book(await tokenFor(other.accountId), other.id, date)).statusCode).toBe(201);
    expect(await counter(templated.code, date)).toMatchObject({ capacity: 7, booked: 1 });
  });
});
