import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { bookStock } from '../passports/schema.ts';
import { appointments, channels, dayQuotas } from './schema.ts';

type Day = { date: string; capacity: number; remaining: number; open: boolean };

describeApp('quotas set by the office', (ctx) => {
  const tokenFor = async (account: { id: string }) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token;
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const days = async (unitCode: string, from: string, to: string) => {
    const res = await ctx.app.inject({ url: `/api/v1/units/${unitCode}/availability?from=${from}&to=${to}` });
    expect(res.statusCode, res.body).toBe(200);
    return new Map(res.json<Day[]>().map((d) => [d.date, d]));
  };
  /** The weekly form with `online` on weekdays and nothing else. */
  const weekly = (online: number) =>
    Object.fromEntries(
      channels.flatMap((c) =>
        [1, 2, 3, 4, 5, 6, 7].map((d) => [`${c}_${d}`, String(c === 'online' && d <= 5 ? online : 0)]),
      ),
    );
  const stocked = async (unitCode: string) => {
    await ctx.db.insert(bookStock).values([
      { unitCode, passportType: 'biasa', quantity: 50 },
      { unitCode, passportType: 'elektronik', quantity: 50 },
    ]);
  };

  it('opens dates from the weekly template and per-date quotas, and never cancels a booking when capacity goes down', async () => {
    const unit = await makeUnit(ctx.db);
    await stocked(unit.code);
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }));
    const [booked, other] = [await serviceDay(ctx.db, unit.code, 0), await serviceDay(ctx.db, unit.code, 1)];
    const page = await head.get(`/officer/units/${unit.code}/quotas`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="online_1"');
    expect((await days(unit.code, booked, other)).get(booked)).toMatchObject({ capacity: 0, open: false });

    const saved = await head.post(`/officer/units/${unit.code}/quotas/weekly`, weekly(5));
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe(`/officer/units/${unit.code}/quotas?saved=1`);
    expect((await days(unit.code, booked, other)).get(other)).toEqual({
      date: other,
      capacity: 5,
      remaining: 5,
      open: true,
    });

    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const booking = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${application.id}/appointment`,
      headers: { authorization: `Bearer ${await tokenFor({ id: application.accountId })}` },
      payload: { date: booked },
    });
    expect(booking.statusCode, booking.body).toBe(201);
    expect((await days(unit.code, booked, booked)).get(booked)).toMatchObject({ capacity: 5, remaining: 4 });

    // Down to nothing: the booked day closes to new bookings but keeps its booking.
    expect((await head.post(`/officer/units/${unit.code}/quotas/weekly`, weekly(0))).statusCode).toBe(303);
    let after = await days(unit.code, booked, other);
    expect(after.get(booked)).toEqual({ date: booked, capacity: 0, remaining: 0, open: false });
    expect(after.get(other)).toMatchObject({ capacity: 0, open: false });
    const [appointment] = await ctx.db
      .select()
      .from(appointments)
      .where(eq(appointments.applicationId, application.id));
    expect(appointment!.state).toBe('booked');
    const [counter] = await ctx.db
      .select()
      .from(dayQuotas)
      .where(and(eq(dayQuotas.unitCode, unit.code), eq(dayQuotas.date, booked), eq(dayQuotas.channel, 'online')));
    expect(counter).toMatchObject({ capacity: 0, booked: 1 });

    // A date's own quota wins over the template, also when the template changes again later.
    const override = await head.post(`/officer/units/${unit.code}/quotas/dates`, {
      date: other,
      channel: 'online',
      capacity: '3',
    });
    expect(override.statusCode, override.body).toBe(303);
    expect((await head.post(`/officer/units/${unit.code}/quotas/weekly`, weekly(9))).statusCode).toBe(303);
    after = await days(unit.code, booked, other);
    expect(after.get(other)).toMatchObject({ capacity: 3, remaining: 3, open: true });
    expect(after.get(booked)).toMatchObject({ capacity: 9, remaining: 8, open: true });
    const listed = await head.get(`/officer/units/${unit.code}/quotas`);
    expect(listed.body).toContain('value="9"');

    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'quota.template.set')));
    expect(audit).toHaveLength(3);
    expect(audit.at(-1)!.details).toMatchObject({
      datesFollowing: 1,
      changed: expect.arrayContaining([{ channel: 'online', weekday: 1, from: 0, to: 9 }]),
    });
  });

  it('shows the form again with its errors and changes nothing on bad input; refuses other units', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }));
    const bad = await head.post(`/officer/units/${unit.code}/quotas/weekly`, {
      ...weekly(5),
      online_2: 'lima',
      percepatan_3: '-1',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('error-summary');
    expect(bad.body).toContain('href="#f-online_2"');
    expect(bad.body).toContain('href="#f-percepatan_3"');
    const badDate = await head.post(`/officer/units/${unit.code}/quotas/dates`, {
      date: '2030-02-30',
      channel: 'online',
      capacity: '4',
    });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.body).toContain('href="#f-date"');
    const date = await serviceDay(ctx.db, unit.code);
    expect((await days(unit.code, date, date)).get(date)!.capacity).toBe(0);

    // The officer home links to the pages each role may open.
    const home = await head.get('/officer');
    for (const page of ['quotas', 'stock', 'appointments'])
      expect(home.body).toContain(`/officer/units/${unit.code}/${page}`);
    expect(home.body).toContain('href="/admin/holidays"');
    const counterHome = await (
      await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }))
    ).get('/officer');
    expect(counterHome.body).toContain(`/officer/units/${unit.code}/appointments`);
    expect(counterHome.body).not.toContain(`/officer/units/${unit.code}/quotas`);
    expect(counterHome.body).not.toContain('/admin/holidays');

    const stranger = await as(
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: (await makeUnit(ctx.db)).code }),
    );
    expect((await stranger.get(`/officer/units/${unit.code}/quotas`)).statusCode).toBe(403);
    expect((await stranger.post(`/officer/units/${unit.code}/quotas/weekly`, weekly(50))).statusCode).toBe(403);
    expect((await days(unit.code, date, date)).get(date)!.capacity).toBe(0);
  });

  it('PUT /api/v1/units/{code}/quotas/{date}: heads and admins of the unit set a date; others are refused', async () => {
    const unit = await makeUnit(ctx.db);
    await stocked(unit.code);
    const date = await serviceDay(ctx.db, unit.code);
    const put = (who: string | null, payload: unknown, day = date) =>
      ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/units/${unit.code}/quotas/${day}`,
        headers: who ? { authorization: `Bearer ${who}` } : {},
        payload: payload as object,
      });

    const head = await tokenFor(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }));
    const ok = await put(head, { channel: 'online', capacity: 4 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ date, channel: 'online', capacity: 4, booked: 0, remaining: 4 });
    expect((await days(unit.code, date, date)).get(date)).toMatchObject({ capacity: 4, open: true });
    const admin = await tokenFor(await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' }));
    expect((await put(admin, { channel: 'percepatan', capacity: 2 })).statusCode).toBe(200);

    const otherHead = await tokenFor(
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: (await makeUnit(ctx.db)).code }),
    );
    const counter = await tokenFor(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }));
    for (const who of [otherHead, counter]) {
      const refused = await put(who, { channel: 'online', capacity: 99 });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    }
    const anonymous = await put(null, { channel: 'online', capacity: 99 });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');

    const invalid = await put(head, { channel: 'walk-in', capacity: -1 });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error).toMatchObject({
      code: 'validation_failed',
      fields: { channel: expect.any(String), capacity: expect.any(String) },
    });
    const notADate = await put(head, { channel: 'online', capacity: 1 }, '2030-02-30');
    expect(notADate.statusCode).toBe(422);
    expect(notADate.json().error.fields).toHaveProperty('date');
    expect((await days(unit.code, date, date)).get(date)!.capacity).toBe(4);
  });
});
