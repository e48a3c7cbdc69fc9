import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { holidays } from '../holidays/schema.ts';
import { saturdayPickupSlots } from '../passports/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { addDays, dayOfWeek } from '../platform/calendar/wita.ts';
import { assignCounterDuty } from './assign-counter-duty.ts';
import { duties, mobileKits } from './schema.ts';

describeApp('head of office calendar', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const tokenOf = async (account: Account) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token;

  it('shows counter duty, sessions, visits, Saturday pickups and closed days for the month, as a page and as JSON', async () => {
    const unit = await makeUnit(ctx.db);
    const headAccount = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const ana = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: 'Ana Loket' });
    const yosef = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code, name: 'Yosef Keliling' });
    const maria = await makeOfficer(ctx.db, { role: 'adjudicator', unitCode: unit.code, name: 'Maria Peduli' });
    const [kit] = await ctx.db.insert(mobileKits).values({ unitCode: unit.code, name: 'Kit Alor' }).returning();
    const month = `2094-0${1 + Math.floor(Math.random() * 9)}`;
    const first = `${month}-01`;
    const monday = addDays(first, (8 - dayOfWeek(first)) % 7);
    const saturday = addDays(monday, 5);
    const session = crypto.randomUUID();
    const visit = crypto.randomUUID();
    await ctx.db.insert(holidays).values({
      date: addDays(monday, 2),
      name: 'Penutupan kalender uji',
      kind: 'office_closure',
      unitCode: unit.code,
    });
    await ctx.db.transaction((tx) =>
      assignCounterDuty(
        tx,
        { actor: toActor(headAccount, 'session', true) },
        { unitCode: unit.code, from: monday, to: addDays(monday, 1), officerIds: [ana.id] },
      ),
    );
    await ctx.db.insert(duties).values([
      { date: addDays(monday, 3), unitCode: unit.code, kind: 'session', refId: session, officerId: yosef.id },
      { date: addDays(monday, 3), unitCode: unit.code, kind: 'session', refId: session, kitId: kit!.id },
      { date: addDays(monday, 4), unitCode: unit.code, kind: 'visit', refId: visit, officerId: maria.id },
    ]);
    await ctx.db.insert(saturdayPickupSlots).values({ unitCode: unit.code, date: saturday, capacity: 5, booked: 2 });

    const head = await as(headAccount);
    const page = await head.get(`/officer/units/${unit.code}/calendar?month=${month}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body.match(/Loket: Ana Loket/g)).toHaveLength(2);
    expect(body).toContain(`href="/officer/outreach/sessions/${session}"`);
    expect(body).toContain('Yosef Keliling, Kit Alor');
    expect(body).toContain(`href="/officer/home-visits/${visit}"`);
    expect(body).toContain('Maria Peduli');
    expect(body).toContain('Pengambilan Sabtu: 2 dari 5');
    expect(body).toContain('Tutup: Penutupan kalender uji');
    expect(body).toContain('Tutup: Akhir pekan');
    expect(body).toContain(`/officer/units/${unit.code}/calendar/counter-duty`);
    expect(body).toContain(`value="${ana.id}"`);
    expect(body).toContain('/remove');

    const json = await ctx.app.inject({
      url: `/api/v1/units/${unit.code}/calendar?from=${monday}&to=${saturday}`,
      headers: { authorization: `Bearer ${await tokenOf(headAccount)}` },
    });
    expect(json.statusCode, json.body).toBe(200);
    const days = json.json<{
      days: {
        date: string;
        closed: string | null;
        counter: { officerName: string }[];
        sessions: unknown[];
        visits: unknown[];
        pickup: unknown;
      }[];
    }>().days;
    expect(days.map((d) => d.date)).toEqual([0, 1, 2, 3, 4, 5].map((n) => addDays(monday, n)));
    expect(days[0]!.counter).toMatchObject([{ officerName: 'Ana Loket' }]);
    expect(days[2]!.closed).toBe('Penutupan kalender uji');
    expect(days[3]!.sessions).toEqual([{ refId: session, officers: ['Yosef Keliling'], kits: ['Kit Alor'] }]);
    expect(days[4]!.visits).toEqual([{ refId: visit, officers: ['Maria Peduli'], kits: [] }]);
    expect(days[5]).toMatchObject({ closed: 'weekend', pickup: { capacity: 5, booked: 2 } });

    // Session duties are changed on the session's page, not here.
    const [sessionDuty] = await ctx.db.select().from(duties).where(eq(duties.officerId, yosef.id));
    expect(
      (await head.post(`/officer/units/${unit.code}/calendar/duties/${sessionDuty!.id}/remove`, {})).statusCode,
    ).toBe(409);
    expect(await ctx.db.$count(duties, eq(duties.officerId, yosef.id))).toBe(1);
    const tooLong = await ctx.app.inject({
      url: `/api/v1/units/${unit.code}/calendar?from=${monday}&to=${addDays(monday, 200)}`,
      headers: { authorization: `Bearer ${await tokenOf(headAccount)}` },
    });
    expect(tooLong.statusCode).toBe(422);
  });

  it('is read-only for the counter roles and closed to other units, citizens and outsiders', async () => {
    const unit = await makeUnit(ctx.db);
    const ana = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: 'Ana Loket' });
    const page = `/officer/units/${unit.code}/calendar`;
    const counter = await as(ana);
    const seen = await counter.get(`${page}?month=2094-03`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(`${page}/counter-duty`);
    const plan = { from: '2094-03-02', to: '2094-03-03', officerIds: ana.id };
    expect((await counter.post(`${page}/counter-duty`, plan)).statusCode).toBe(403);
    expect((await counter.post(`${page}/counter-duty`, {})).statusCode).toBe(403);
    expect(await ctx.db.$count(duties, eq(duties.officerId, ana.id))).toBe(0);

    const stranger = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' });
    expect((await (await as(stranger)).get(page)).statusCode).toBe(403);
    const api = await ctx.app.inject({
      url: `/api/v1/units/${unit.code}/calendar?from=2094-03-02&to=2094-03-03`,
      headers: { authorization: `Bearer ${await tokenOf(stranger)}` },
    });
    expect(api.statusCode).toBe(403);
    const partner = await makeOfficer(ctx.db, { role: 'partner', unitCode: unit.code });
    expect((await (await as(partner)).get(page)).statusCode).toBe(403);
    expect((await (await as(await makeCitizen(ctx.db))).get(page)).statusCode).toBe(403);
    expect(
      (await ctx.app.inject({ url: `/api/v1/units/${unit.code}/calendar?from=2094-03-02&to=2094-03-03` })).statusCode,
    ).toBe(401);

    // A head of office may only roster counter staff of the office and the units below it.
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }));
    const outsider = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-MAUMERE' });
    const refused = await head.post(`${page}/counter-duty`, { ...plan, officerIds: outsider.id }, page);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Hanya petugas loket aktif');
    expect(await ctx.db.$count(duties, eq(duties.officerId, outsider.id))).toBe(0);
    // A past day's duty is the record of who served: it stays.
    const [past] = await ctx.db
      .insert(duties)
      .values({ date: '2020-03-02', unitCode: unit.code, kind: 'counter', officerId: ana.id })
      .returning();
    expect((await head.post(`${page}/duties/${past!.id}/remove`, {})).statusCode).toBe(409);
    expect(await ctx.db.$count(duties, eq(duties.id, past!.id))).toBe(1);
    // The officer home links to the calendar and the kits.
    const home = await head.get('/officer');
    expect(home.body).toContain(`href="${page}"`);
    expect(home.body).toContain(`href="/officer/units/${unit.code}/kits"`);
  });
});
