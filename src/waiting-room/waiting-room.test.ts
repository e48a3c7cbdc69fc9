import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from '../../test/db.ts';
import { makeCitizen, makeUnit } from '../../test/factories.ts';
import { queryRows } from '../platform/db/index.ts';
import type { AppError } from '../platform/errors.ts';
import { admitOrWait } from './admit-or-wait.ts';
import { enterWaitingRoom } from './enter-waiting-room.ts';
import { checkPass, issuePass, passKey, spendPass, spendPassSql } from './pass.ts';
import type { WaitingRoom } from './room.ts';
import { waitingRoomActive, waitingRoomSettings, type WaitingRoomSettings } from './settings.ts';

/** 60 a minute: one place a second, two at once while nobody waits, passes good 10 minutes. */
const settings: WaitingRoomSettings = { admitPerMinute: 60, burst: 2, passMinutes: 10, hours: null };
const room: WaitingRoom = { settings, key: passKey('test-secret', 10), active: () => true };
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
const refusal = (run: () => unknown) => {
  try {
    run();
    return 'accepted';
  } catch (err) {
    return (err as AppError).fields?.pass ?? (err as AppError).code;
  }
};

describeDb('waiting room', (ctx) => {
  it('keeps one place per account however often it comes, and gives places in order of arrival', async () => {
    const unit = await makeUnit(ctx.db);
    const start = new Date();
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => makeCitizen(ctx.db)));
    const places = [];
    for (const person of people) {
      const entered = await enterWaitingRoom(ctx.db, { unitCode: unit.code, accountId: person.id }, settings, start);
      places.push(entered.place);
    }
    expect(places).toEqual([1, 2, 3, 4, 5]);
    // A reload, another tab, many requests at once: the same place, and nobody else's moves.
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        enterWaitingRoom(ctx.db, { unitCode: unit.code, accountId: people[2]!.id }, settings, at(start, 1)),
      ),
    );
    expect(again.map((e) => [e.place, e.fresh])).toEqual([
      [3, false],
      [3, false],
      [3, false],
    ]);
    // Two first arrivals of one account at the same moment (two tabs opened together): one place between them.
    const twin = await makeCitizen(ctx.db);
    const twins = await Promise.all(
      [1, 2].map(() => enterWaitingRoom(ctx.db, { unitCode: unit.code, accountId: twin.id }, settings, at(start, 1))),
    );
    expect(twins[0]!.place).toBe(twins[1]!.place);
    const late = await makeCitizen(ctx.db);
    const lastPlace = Math.max(...twins.map((t) => t.place));
    expect(
      (await enterWaitingRoom(ctx.db, { unitCode: unit.code, accountId: late.id }, settings, at(start, 1))).place,
    ).toBeGreaterThan(lastPlace);
    const [row] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from waiting_room_places where unit_code = ${unit.code}`,
    );
    expect(row!.n).toBe(7);
  });

  it('admits a quiet room at once and a busy one in order at the rate, with honest positions', async () => {
    const unit = await makeUnit(ctx.db);
    const start = new Date();
    const people = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makeCitizen(ctx.db)));
    const turns = [];
    for (const person of people)
      turns.push((await admitOrWait(ctx.db, room, { unitCode: unit.code, accountId: person.id }, true, start))!);
    // The burst of two goes in at once with a pass; the rest wait one second per place ahead of them.
    expect(turns.map((t) => [t.standing.place, t.standing.admitted, t.standing.ahead, t.standing.waitSeconds])).toEqual(
      [
        [1, true, 0, 0],
        [2, true, 0, 0],
        [3, false, 1, 1],
        [4, false, 2, 2],
        [5, false, 3, 3],
        [6, false, 4, 4],
      ],
    );
    expect(turns.map((t) => t.pass !== null)).toEqual([true, true, false, false, false, false]);
    // Polling reads, never moves anyone: at +2.5 s places 3 and 4 are in, 5 and 6 still wait, in that order.
    const later = [];
    for (const person of people)
      later.push(
        (await admitOrWait(ctx.db, room, { unitCode: unit.code, accountId: person.id }, false, at(start, 2.5)))!,
      );
    expect(later.map((t) => [t.standing.admitted, t.standing.ahead])).toEqual([
      [true, 0],
      [true, 0],
      [true, 0],
      [true, 0],
      [false, 1],
      [false, 2],
    ]);
    // The pass says how long the place waited: the proof's cost, paid in the room.
    const third = { unitCode: unit.code, accountId: people[2]!.id };
    expect(checkPass(room.key, later[2]!.pass!.pass, third, at(start, 2.5)).waitedSeconds).toBe(1);
    // Someone who never joined has no place to read.
    const stranger = await makeCitizen(ctx.db);
    expect(await admitOrWait(ctx.db, room, { unitCode: unit.code, accountId: stranger.id }, false, start)).toBeNull();
    // A room that has been quiet for a while admits again at once, a burst's worth.
    const back = await makeCitizen(ctx.db);
    const quiet = await admitOrWait(ctx.db, room, { unitCode: unit.code, accountId: back.id }, true, at(start, 60));
    expect([quiet!.standing.place, quiet!.standing.admitted]).toEqual([7, true]);
  });

  it('gives a place whose turn has ended up, so coming back queues at the end', async () => {
    const unit = await makeUnit(ctx.db);
    const start = new Date();
    const person = await makeCitizen(ctx.db);
    const waiter = { unitCode: unit.code, accountId: person.id };
    expect((await enterWaitingRoom(ctx.db, waiter, settings, start)).place).toBe(1);
    const other = await makeCitizen(ctx.db);
    await enterWaitingRoom(ctx.db, { unitCode: unit.code, accountId: other.id }, settings, at(start, 1));
    const back = await enterWaitingRoom(ctx.db, waiter, settings, at(start, 11 * 60));
    expect([back.place, back.fresh]).toEqual([3, true]);
  });

  it('takes a pass once, for its account and unit, before it expires, and refuses forgeries', async () => {
    const unit = await makeUnit(ctx.db);
    const person = await makeCitizen(ctx.db);
    const waiter = { unitCode: unit.code, accountId: person.id };
    const now = new Date();
    const { pass } = issuePass(room.key, waiter, 42, now);
    const otherAccount = { ...waiter, accountId: crypto.randomUUID() };
    expect(refusal(() => checkPass(room.key, pass, otherAccount, now))).toBe('waitingRoom.pass.invalid');
    expect(refusal(() => checkPass(room.key, pass, { ...waiter, unitCode: 'KANIM-KUPANG' }, now))).toBe(
      'waitingRoom.pass.invalid',
    );
    expect(refusal(() => checkPass(passKey('another-secret', 10), pass, waiter, now))).toBe('waitingRoom.pass.invalid');
    expect(checkPass(room.key, pass, waiter, now).waitedSeconds).toBe(42);
    // A later expiry or a longer wait written into a real pass breaks its signature.
    const [expires, waited, nonce, signature] = pass.split('.');
    for (const forged of [`${Number(expires) + 60_000}.${waited}`, `${expires}.4200`])
      expect(refusal(() => checkPass(room.key, `${forged}.${nonce}.${signature}`, waiter, now))).toBe(
        'waitingRoom.pass.invalid',
      );
    expect(refusal(() => checkPass(room.key, 'nonsense', waiter, now))).toBe('waitingRoom.pass.invalid');
    expect(refusal(() => checkPass(room.key, undefined, waiter, now))).toBe('waiting_room_pass_required');
    expect(refusal(() => checkPass(room.key, pass, waiter, at(now, 10 * 60 + 1)))).toBe('waitingRoom.pass.expired');

    const spend = () =>
      spendPass(ctx.db, room.key, pass, waiter, now).then(
        () => 'accepted',
        (err: AppError) => err.fields?.pass,
      );
    expect(await spend()).toBe('accepted');
    expect(await spend()).toBe('waitingRoom.pass.used');
    // As a fragment inside another statement: a row only the first time.
    const second = issuePass(room.key, waiter, 0, now);
    const checked = checkPass(room.key, second.pass, waiter, now);
    const inside = () =>
      queryRows<{ ok: boolean }>(
        ctx.db,
        sql`with pass as (${spendPassSql(checked)}) select exists (select from pass) as ok`,
      );
    expect((await inside())[0]!.ok).toBe(true);
    expect((await inside())[0]!.ok).toBe(false);
  });

  it('needs passes only while switched on and within its WITA hours', () => {
    const on = waitingRoomSettings({ admitPerMinute: 600, passMinutes: 10, hours: '07:45-10:00' });
    expect(on.burst).toBe(50);
    expect(waitingRoomActive(on, new Date('2026-12-07T00:00:00Z'))).toBe(true); // 08:00 WITA
    expect(waitingRoomActive(on, new Date('2026-12-07T02:00:00Z'))).toBe(false); // 10:00 WITA
    expect(waitingRoomActive(on, new Date('2026-12-06T23:44:00Z'))).toBe(false); // 07:44 WITA
    const always = waitingRoomSettings({ admitPerMinute: 600, passMinutes: 10, hours: 'always' });
    expect(waitingRoomActive(always, new Date('2026-12-07T12:00:00Z'))).toBe(true);
    const off = waitingRoomSettings({ admitPerMinute: 0, passMinutes: 10, hours: 'always' });
    expect(waitingRoomActive(off, new Date())).toBe(false);
  });
});
