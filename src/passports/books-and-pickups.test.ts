import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { performCaseAction } from '../cases/perform-case-action.ts';
import { makeCase } from '../cases/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { openStorage } from '../platform/storage/open-storage.ts';
import { upcomingSaturdays } from './saturday-slots.ts';
import { bookMovements, bookStock, saturdayPickups, saturdayPickupSlots } from './schema.ts';
import { setBookStock } from './set-book-stock.ts';

describeApp('blank-book ledger and Saturday pickup (si Koe TOS)', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const tokenOf = async (account: { id: string }) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token;
  const stockOf = async (unitCode: string) =>
    Object.fromEntries(
      (await ctx.db.select().from(bookStock).where(eq(bookStock.unitCode, unitCode))).map((r) => [
        r.passportType,
        r.quantity,
      ]),
    );
  const ledgerOf = (unitCode: string) =>
    ctx.db.select().from(bookMovements).where(eq(bookMovements.unitCode, unitCode)).orderBy(bookMovements.id);
  const slotOf = async (unitCode: string, date: string) =>
    (
      await ctx.db
        .select()
        .from(saturdayPickupSlots)
        .where(and(eq(saturdayPickupSlots.unitCode, unitCode), eq(saturdayPickupSlots.date, date)))
    )[0];

  it('records deliveries, spoiled books and counts, keeping the stock and the ledger together', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code, name: 'Kepala Buku' });
    const browser = await as(head);
    const page = `/officer/units/${unit.code}/books`;
    const received = await browser.post(
      `${page}/received`,
      { receivedType: 'elektronik', receivedQuantity: '40', receivedNote: 'Kiriman Ditjen no. 7' },
      page,
    );
    expect(received.statusCode, received.body).toBe(303);
    expect(
      (await browser.post(`${page}/spoiled`, { spoiledType: 'elektronik', spoiledReason: 'Sampul sobek' })).statusCode,
    ).toBe(303);
    const counted = await browser.post(`${page}/counted`, { countedType: 'elektronik', countedQuantity: '37' });
    expect(counted.headers.location).toBe(`${page}?saved=counted&from=39&to=37`);
    expect(await stockOf(unit.code)).toEqual({ elektronik: 37 });
    expect((await ledgerOf(unit.code)).map((m) => [m.type, m.kind, m.quantity, m.note, m.actorId])).toEqual([
      ['elektronik', 'received', 40, 'Kiriman Ditjen no. 7', head.id],
      ['elektronik', 'spoiled', -1, 'Sampul sobek', head.id],
      ['elektronik', 'counted', 37, null, head.id],
    ]);
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.targetType, 'book_movement')))
      .orderBy(auditLog.id);
    expect(audits.map((a) => [a.action, a.details])).toEqual([
      ['books.received', { passportType: 'elektronik', from: 0, to: 40 }],
      ['books.spoiled', { passportType: 'elektronik', from: 40, to: 39 }],
      ['books.counted', { passportType: 'elektronik', from: 39, to: 37 }],
    ]);
    const shown = await browser.get(counted.headers.location as string);
    expect(shown.body).toContain('selisih -2 dari catatan sebelumnya (39)');
    expect(shown.body).toContain('Sampul sobek');
    expect(shown.body).toContain('Kepala Buku');
    expect(shown.body).toContain(`/officer/units/${unit.code}/stock`);

    // Refused input changes nothing; a spoiled book needs a reason and a book in stock.
    expect(
      (await browser.post(`${page}/received`, { receivedType: 'elektronik', receivedQuantity: '0' })).statusCode,
    ).toBe(422);
    const noReason = await browser.post(`${page}/spoiled`, { spoiledType: 'biasa', spoiledReason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('href="#f-spoiledReason"');
    const empty = await browser.post(`${page}/spoiled`, { spoiledType: 'biasa', spoiledReason: 'Basah' });
    expect(empty.statusCode).toBe(409);
    expect(empty.body).toContain('Blangko paspor jenis ini habis');
    expect(await stockOf(unit.code)).toEqual({ elektronik: 37 });
    expect(await ctx.db.$count(bookMovements, eq(bookMovements.unitCode, unit.code))).toBe(3);

    // The stock page's "set stock" is a count in the ledger too.
    await ctx.db.transaction((tx) =>
      setBookStock(
        tx,
        { actor: toActor(head, 'session', true) },
        { unitCode: unit.code, quantities: { biasa: 5, elektronik: 37 } },
      ),
    );
    expect((await ledgerOf(unit.code)).at(-1)).toMatchObject({ type: 'biasa', kind: 'counted', quantity: 5 });

    // The desk may look but not record; another unit's head may not even look.
    const counter = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }));
    const seen = await counter.get(page);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(`${page}/received`);
    expect((await counter.post(`${page}/received`, { receivedType: 'biasa', receivedQuantity: '5' })).statusCode).toBe(
      403,
    );
    expect((await counter.post(`${page}/received`, { receivedType: 'biasa', receivedQuantity: 'x' })).statusCode).toBe(
      403,
    );
    const stranger = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' }));
    expect((await stranger.get(page)).statusCode).toBe(403);
    expect(await stockOf(unit.code)).toEqual({ elektronik: 37, biasa: 5 });
  });

  it('opens Saturdays only, lets owners choose one with room, and gives the old place back on a change', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }));
    const [sat1, sat2] = upcomingSaturdays(witaDate());
    const admin = `/officer/units/${unit.code}/saturday-pickups`;
    const notSaturday = await head.post(admin, { date: addDays(sat1!, -1), capacity: '2' }, admin);
    expect(notSaturday.statusCode).toBe(422);
    expect(notSaturday.body).toContain('Pilih hari Sabtu.');
    expect((await head.post(admin, { date: addDays(sat1!, -7 * 8), capacity: '2' })).statusCode).toBe(422);
    expect((await head.post(admin, { date: sat1!, capacity: '1' })).statusCode).toBe(303);
    expect((await head.post(admin, { date: sat2!, capacity: '1' })).statusCode).toBe(303);
    expect(await slotOf(unit.code, sat1!)).toMatchObject({ capacity: 1, booked: 0 });

    const first = await makeCase(ctx.db, { unitCode: unit.code, status: 'ready', fullName: 'Maria Bria' });
    const second = await makeCase(ctx.db, { unitCode: unit.code, status: 'approved' });
    const owner = await as({ id: first.accountId } as Account);
    const ownPage = `/applications/${first.id}/saturday-pickup`;
    const view = await owner.get(ownPage);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain(`value="${sat1}"`);
    const chosen = await owner.post(ownPage, { date: sat1! });
    expect(chosen.statusCode, chosen.body).toBe(303);
    expect(await slotOf(unit.code, sat1!)).toMatchObject({ booked: 1 });

    const choose = async (applicationId: string, accountId: string, date: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${applicationId}/saturday-pickup`,
        payload: { date },
        headers: { authorization: `Bearer ${await tokenOf({ id: accountId })}` },
      });
    const full = await choose(second.id, second.accountId, sat1!);
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ error: { code: 'pickup_full' } });
    const friday = await choose(second.id, second.accountId, addDays(sat1!, -1));
    expect(friday.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { date: 'Pilih hari Sabtu.' } },
    });

    // Moving to the second Saturday frees the first for the other applicant.
    expect((await owner.post(ownPage, { date: sat2! })).statusCode).toBe(303);
    expect(await slotOf(unit.code, sat1!)).toMatchObject({ booked: 0 });
    expect(await slotOf(unit.code, sat2!)).toMatchObject({ booked: 1 });
    const taken = await choose(second.id, second.accountId, sat1!);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toEqual({ date: sat1, unitCode: unit.code });
    expect(await ctx.db.$count(saturdayPickups, eq(saturdayPickups.applicationId, first.id))).toBe(2);

    // Only the owner, and only from approval until the passport is ready.
    const stranger = await makeCitizen(ctx.db);
    expect((await choose(first.id, stranger.id, sat2!)).statusCode).toBe(403);
    expect((await (await as(stranger)).get(ownPage)).statusCode).toBe(403);
    const officer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    expect((await choose(first.id, officer.id, sat2!)).statusCode).toBe(403);
    const early = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in' });
    expect((await choose(early.id, early.accountId, sat2!)).json()).toMatchObject({
      error: { code: 'invalid_transition' },
    });

    // The desk's list for the Saturday, audited; the head cannot cut capacity below the places chosen.
    const desk = await as(officer);
    const list = await desk.get(`${admin}/${sat2}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Maria Bria');
    expect(list.body).toContain(first.trackingCode);
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.unitCode, unit.code), eq(auditLog.action, 'saturday_pickup.list'))),
    ).toBe(1);
    expect((await desk.get(admin)).statusCode).toBe(403);
    expect((await head.post(admin, { date: sat2!, capacity: '0' }, admin)).statusCode).toBe(422);
  });

  it('hands over on a weekday before the chosen Saturday and returns the place', async () => {
    const unit = await makeUnit(ctx.db);
    await ctx.db.insert(bookStock).values({ unitCode: unit.code, passportType: 'elektronik', quantity: 2 });
    const counter = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const [sat] = upcomingSaturdays(witaDate());
    await ctx.db.insert(saturdayPickupSlots).values({ unitCode: unit.code, date: sat!, capacity: 3 });
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'approved', holderId: counter.id });
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${c.id}/saturday-pickup`,
      payload: { date: sat },
      headers: { authorization: `Bearer ${await tokenOf({ id: c.accountId })}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const services = { storage: openStorage(ctx.config), publicUrl: ctx.config.publicUrl };
    const caller = { actor: toActor(counter, 'session', true) };
    for (const body of [
      { type: 'print' },
      { type: 'quality_check', passed: true },
      { type: 'hand_over', identityChecked: true, recipient: 'applicant' },
    ] as const) {
      await ctx.db.transaction((tx) => performCaseAction(tx, caller, { applicationId: c.id, body }, services));
    }
    expect(await slotOf(unit.code, sat!)).toMatchObject({ booked: 0 });
    const [pickup] = await ctx.db.select().from(saturdayPickups).where(eq(saturdayPickups.applicationId, c.id));
    expect(pickup!.cancelledAt).toBeInstanceOf(Date);
  });
});
