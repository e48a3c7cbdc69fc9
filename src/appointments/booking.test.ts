import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp, testConfig } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeUnit, openDate } from '../../test/factories.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { queuedMailCount } from '../accounts/test-support.ts';
import { accounts } from '../platform/auth/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { queryRows } from '../platform/db/index.ts';
import { dayQuotas } from './schema.ts';

describeApp('booking', (ctx) => {
  const tokenFor = async (accountId: string) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), accountId, 'test'))).token;
  const book = (token: string, applicationId: string, date: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${applicationId}/appointment`,
      headers: { authorization: `Bearer ${token}` },
      payload: { date },
    });

  it('books a date, returns the signed QR and a two-hour billing code, mails the confirmation, and books once when the request is repeated', async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 5);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const token = await tokenFor(application.accountId);
    const first = await book(token, application.id, date);
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json();
    expect(body.appointment).toMatchObject({ date, unitCode: unit.code });
    expect(body.appointment.qr).toMatch(/^SK1\./);
    expect(body.billing.code).toMatch(/^[1-9]\d{14}$/);
    expect(body.billing.amount).toBe(950_000);
    expect(new Date(body.billing.expiresAt).getTime() - Date.now()).toBeGreaterThan(119 * 60_000);
    // The confirmation is mailed as from the page, once: the repeated request books nothing new.
    const [account] = await ctx.db
      .select({ email: accounts.email })
      .from(accounts)
      .where(eq(accounts.id, application.accountId));
    await ctx.app.deps.jobs.runDue();
    expect(await queuedMailCount(ctx.db, account!.email)).toBe(1);
    const again = await book(token, application.id, date);
    expect(again.statusCode).toBe(201);
    expect(again.json().billing.code).toBe(body.billing.code);
    await ctx.app.deps.jobs.runDue();
    expect(await queuedMailCount(ctx.db, account!.email)).toBe(1);
    const [day] = await ctx.db
      .select()
      .from(dayQuotas)
      .where(and(eq(dayQuotas.unitCode, unit.code), eq(dayQuotas.date, date)));
    expect(day!.booked).toBe(1);
  });

  it('never overbooks: 300 applicants racing for 20 places get exactly 20', async () => {
    const unit = await makeUnit(ctx.db);
    const date = await serviceDay(ctx.db, unit.code, 1);
    await openDate(ctx.db, unit.code, date, 20);
    const people = await Promise.all(
      Array.from({ length: 300 }, () => makeApplication(ctx.db, { unitCode: unit.code })),
    );
    const tokens = await Promise.all(people.map((p) => tokenFor(p.accountId)));
    const results = await Promise.all(people.map((p, i) => book(tokens[i]!, p.id, date)));
    const codes = results.map((r) => (r.statusCode === 201 ? 'booked' : r.json().error.code));
    expect(codes.filter((c) => c === 'booked')).toHaveLength(20);
    expect(codes.filter((c) => c !== 'booked').every((c) => c === 'quota_full')).toBe(true);
    const [count] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from appointments where unit_code = ${unit.code} and state in ('booked','paid')`,
    );
    expect(count!.n).toBe(20);
  });

  it('lets one person hold one appointment, even racing on two units', async () => {
    const [a, b] = [await makeUnit(ctx.db), await makeUnit(ctx.db)];
    const date = await serviceDay(ctx.db, a.code);
    await openDate(ctx.db, a.code, date, 5);
    await openDate(ctx.db, b.code, date, 5);
    const first = await makeApplication(ctx.db, { unitCode: a.code });
    const second = await makeApplication(ctx.db, {
      unitCode: b.code,
      accountId: first.accountId,
      nik: first.nik,
      passportType: 'biasa',
    });
    const token = await tokenFor(first.accountId);
    const results = await Promise.all([book(token, first.id, date), book(token, second.id, date)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('already_booked');
  });

  it('refuses closed days, dates outside the window, and other people', async () => {
    const unit = await makeUnit(ctx.db);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const token = await tokenFor(application.accountId);
    const far = await book(token, application.id, '2099-01-01');
    expect(far.statusCode).toBe(422);
    expect(far.json().error.code).toBe('date_outside_window');
    const date = await serviceDay(ctx.db, unit.code);
    const noBooks = await book(token, application.id, date);
    expect(noBooks.statusCode).toBe(409);
    expect(noBooks.json().error.code).toBe('date_closed');
    await openDate(ctx.db, unit.code, date, 0);
    const full = await book(token, application.id, date);
    expect(full.json().error.code).toBe('quota_full');
    const stranger = await makeApplication(ctx.db, { unitCode: unit.code });
    const notYours = await book(await tokenFor(stranger.accountId), application.id, date);
    expect(notYours.statusCode).toBe(403);
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${application.id}/appointment`,
      payload: { date },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

// Two booking requests a minute per account: a second token of the same account shares the count.
describeApp(
  'booking rate limit',
  (ctx) => {
    it('counts booking requests per account, whichever of its tokens they carry', async () => {
      const unit = await makeUnit(ctx.db);
      const date = await serviceDay(ctx.db, unit.code);
      await openDate(ctx.db, unit.code, date, 5);
      const application = await makeApplication(ctx.db, { unitCode: unit.code });
      const token = () =>
        ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), application.accountId, 'rate'));
      const tokens = [(await token()).token, (await token()).token];
      const book = (t: string) =>
        ctx.app.inject({
          method: 'POST',
          url: `/api/v1/applications/${application.id}/appointment`,
          headers: { authorization: `Bearer ${t}` },
          payload: { date },
        });
      expect((await book(tokens[0]!)).statusCode).toBe(201);
      expect((await book(tokens[1]!)).statusCode).toBe(201);
      const third = await book(tokens[1]!);
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('rate_limited');
      // Another account is counted on its own.
      const other = await makeApplication(ctx.db, { unitCode: unit.code });
      const own = (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), other.accountId, 'x')))
        .token;
      expect((await book(own)).statusCode).not.toBe(429);
    });
  },
  { booking: { ...testConfig().booking, ratePerMinute: 2 } },
);
