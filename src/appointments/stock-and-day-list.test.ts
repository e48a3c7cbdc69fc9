import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeOfficer, makeUnit, openDate, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { bookStock } from '../passports/schema.ts';
import { quotaTemplates } from './schema.ts';
import { settleBilling } from './settle-billing.ts';

type Day = { date: string; open: boolean };

describeApp('blank-book stock and the day list', (ctx) => {
  const tokenFor = async (account: { id: string }) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token;
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const auditCount = (unitCode: string, action: string) =>
    ctx.db.$count(auditLog, and(eq(auditLog.unitCode, unitCode), eq(auditLog.action, action)));

  it('offers no date for a passport type without blank books, and keeps the history of stock changes', async () => {
    const unit = await makeUnit(ctx.db);
    await ctx.db
      .insert(quotaTemplates)
      .values(
        [1, 2, 3, 4, 5].map((weekday) => ({ unitCode: unit.code, weekday, channel: 'online' as const, capacity: 10 })),
      );
    const date = await serviceDay(ctx.db, unit.code);
    const open = async (type: string) =>
      (
        await ctx.app.inject({
          url: `/api/v1/units/${unit.code}/availability?from=${date}&to=${date}&passportType=${type}`,
        })
      ).json<Day[]>()[0]!.open;
    expect(await open('elektronik')).toBe(false);

    const head = await as(
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code, name: 'Kepala Uji' }),
    );
    const saved = await head.post(
      `/officer/units/${unit.code}/stock`,
      { biasa: '0', elektronik: '25' },
      `/officer/units/${unit.code}/stock`,
    );
    expect(saved.statusCode, saved.body).toBe(303);
    expect(await open('elektronik')).toBe(true);
    expect(await open('biasa')).toBe(false);
    expect((await head.post(`/officer/units/${unit.code}/stock`, { biasa: '40', elektronik: '25' })).statusCode).toBe(
      303,
    );
    expect(await open('biasa')).toBe(true);

    const bad = await head.post(`/officer/units/${unit.code}/stock`, { biasa: '-3', elektronik: 'banyak' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-biasa"');
    expect(bad.body).toContain('href="#f-elektronik"');
    const rows = await ctx.db.select().from(bookStock).where(eq(bookStock.unitCode, unit.code));
    expect(Object.fromEntries(rows.map((r) => [r.passportType, r.quantity]))).toEqual({ biasa: 40, elektronik: 25 });

    // Each change is one audit entry with the old and new quantity, shown on the page.
    const history = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'stock.set')))
      .orderBy(auditLog.id);
    expect(history.map((h) => h.details)).toEqual([
      { passportType: 'biasa', from: 0, to: 0 },
      { passportType: 'elektronik', from: 0, to: 25 },
      { passportType: 'biasa', from: 0, to: 40 },
    ]);
    const page = await head.get(`/officer/units/${unit.code}/stock`);
    expect(page.body).toContain('0 → 40');
    expect(page.body).toContain('Kepala Uji');
    expect(page.body).toContain('value="40"');

    const counter = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }));
    expect((await counter.get(`/officer/units/${unit.code}/stock`)).statusCode).toBe(403);
  });

  it("lists the day's bookings in booking order with their payment state, audits every viewing, and keeps to the unit", async () => {
    const [unit, elsewhere] = [await makeUnit(ctx.db), await makeUnit(ctx.db)];
    const [date, later] = [await serviceDay(ctx.db, unit.code, 0), await serviceDay(ctx.db, unit.code, 1)];
    for (const [code, day] of [
      [unit.code, date],
      [unit.code, later],
      [elsewhere.code, date],
    ] as const)
      await openDate(ctx.db, code, day, 5);
    const book = async (unitCode: string, day: string, fullName: string) => {
      const application = await makeApplication(ctx.db, { unitCode, fullName });
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${application.id}/appointment`,
        headers: { authorization: `Bearer ${await tokenFor({ id: application.accountId })}` },
        payload: { date: day },
      });
      expect(res.statusCode, res.body).toBe(201);
      return { trackingCode: application.trackingCode, billing: res.json().billing.code as string };
    };
    const first = await book(unit.code, date, 'Maria Goreti Bria');
    const second = await book(unit.code, date, 'Yohanes Ndun');
    const notThatDay = await book(unit.code, later, 'Agustinus Lado');
    const notThatUnit = await book(elsewhere.code, date, 'Fransiska Seran');
    await ctx.db.transaction((tx) => settleBilling(tx, systemCaller('test'), { code: first.billing }));

    const officer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const before = await auditCount(unit.code, 'day_list.view');
    const page = await (await as(officer)).get(`/officer/units/${unit.code}/appointments?date=${date}`);
    expect(page.statusCode).toBe(200);
    const [a, b] = [page.body.indexOf(first.trackingCode), page.body.indexOf(second.trackingCode)];
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(page.body).toContain('Maria Goreti Bria');
    expect(page.body).toContain('Lunas');
    expect(page.body).toContain('Belum dibayar');
    expect(page.body).not.toContain(notThatDay.trackingCode);
    expect(page.body).not.toContain(notThatUnit.trackingCode);
    expect(await auditCount(unit.code, 'day_list.view')).toBe(before + 1);

    const printable = await (await as(officer)).get(`/officer/units/${unit.code}/appointments?date=${date}&print=1`);
    expect(printable.body).toContain(second.trackingCode);
    expect(printable.body).not.toContain('class="site"');

    const api = await ctx.app.inject({
      url: `/api/v1/units/${unit.code}/appointments?date=${date}`,
      headers: { authorization: `Bearer ${await tokenFor(officer)}` },
    });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json()).toMatchObject({
      unitCode: unit.code,
      date,
      appointments: [
        {
          trackingCode: first.trackingCode,
          fullName: 'Maria Goreti Bria',
          passportType: 'elektronik',
          speed: 'reguler',
          channel: 'online',
          paid: true,
        },
        { trackingCode: second.trackingCode, paid: false },
      ],
    });
    expect(api.json().appointments).toHaveLength(2);
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'day_list.view'), eq(auditLog.actorId, officer.id)),
      )
      .orderBy(auditLog.id);
    expect(entry!.details).toEqual({ date, entries: 2 });
    expect(await auditCount(unit.code, 'day_list.view')).toBe(before + 3);

    const outsider = await tokenFor(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: elsewhere.code }));
    const refused = await ctx.app.inject({
      url: `/api/v1/units/${unit.code}/appointments?date=${date}`,
      headers: { authorization: `Bearer ${outsider}` },
    });
    expect(refused.statusCode).toBe(403);
    const partner = await as(await makeOfficer(ctx.db, { role: 'partner', unitCode: unit.code }));
    expect((await partner.get(`/officer/units/${unit.code}/appointments?date=${date}`)).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: `/api/v1/units/${unit.code}/appointments?date=${date}` })).statusCode).toBe(
      401,
    );
    expect(await auditCount(unit.code, 'day_list.view')).toBe(before + 3);
  });
});
