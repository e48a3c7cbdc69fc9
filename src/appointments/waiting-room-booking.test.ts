import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeUnit, openDate } from '../../test/factories.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { loadConfig } from '../platform/config.ts';
import { appointments } from './schema.ts';
import { bookDirectly, bookedOn, later, ownerBrowser } from './test-support.ts';
import { bookFromSituation, readBookingRequest } from './book-appointment.ts';
import { checkPass, issuePass } from '../waiting-room/register.ts';
import { openWaitingRoom } from '../waiting-room/room.ts';

// One place a minute, at every hour: the first arrival goes in at once, the next waits a minute per place ahead.
const waitingRoom = loadConfig({ WAITING_ROOM_ADMIT_PER_MINUTE: '1', WAITING_ROOM_HOURS: 'always' }).waitingRoom;

describeApp(
  'booking behind the waiting room',
  (ctx) => {
    const tokenFor = async (accountId: string) =>
      (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), accountId, 'test'))).token;
    const api = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      ctx.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
    const live = (applicationId: string) =>
      ctx.db.select().from(appointments).where(eq(appointments.applicationId, applicationId));

    it('books over the API only with a pass of the account for the unit, and each pass once', async () => {
      const unit = await makeUnit(ctx.db);
      const date = await serviceDay(ctx.db, unit.code);
      await openDate(ctx.db, unit.code, date, 5);
      const first = await makeApplication(ctx.db, { unitCode: unit.code });
      const second = await makeApplication(ctx.db, { unitCode: unit.code, accountId: first.accountId });
      const token = await tokenFor(first.accountId);
      const bookUrl = (id: string) => `/api/v1/applications/${id}/appointment`;

      const without = await api(token, 'POST', bookUrl(first.id), { date });
      expect(without.statusCode).toBe(428);
      expect(without.json().error.code).toBe('waiting_room_pass_required');
      expect(await live(first.id)).toEqual([]);

      const turn = await api(token, 'POST', `/api/v1/units/${unit.code}/waiting-room`);
      expect(turn.statusCode, turn.body).toBe(200);
      const { pass, admitted } = turn.json<{ pass: string; admitted: boolean }>();
      expect(admitted).toBe(true);

      // Another account's pass is no pass for this one.
      const stranger = await makeApplication(ctx.db, { unitCode: unit.code });
      const borrowed = await api(await tokenFor(stranger.accountId), 'POST', bookUrl(stranger.id), {
        date,
        waitingRoomPass: pass,
      });
      expect([borrowed.statusCode, borrowed.json().error.code]).toEqual([409, 'waiting_room_pass_invalid']);

      const booked = await api(token, 'POST', bookUrl(first.id), { date, waitingRoomPass: pass });
      expect(booked.statusCode, booked.body).toBe(201);
      // The same request again is answered with its booking; the spent pass books nothing else.
      expect((await api(token, 'POST', bookUrl(first.id), { date, waitingRoomPass: pass })).statusCode).toBe(201);
      const reused = await api(token, 'POST', bookUrl(second.id), { date, waitingRoomPass: pass });
      expect([reused.statusCode, reused.json().error.code]).toEqual([409, 'waiting_room_pass_invalid']);
      expect(await live(second.id)).toEqual([]);
      expect(await bookedOn(ctx.db, unit.code, date)).toBe(1);
    });

    it('answers two identical requests with one pass with the one booking, and spends no pass on a refused booking', async () => {
      const unit = await makeUnit(ctx.db);
      const date = await serviceDay(ctx.db, unit.code);
      await openDate(ctx.db, unit.code, date, 5);
      const application = await makeApplication(ctx.db, { unitCode: unit.code });
      const token = await tokenFor(application.accountId);
      const { pass } = (await api(token, 'POST', `/api/v1/units/${unit.code}/waiting-room`)).json<{ pass: string }>();
      const url = `/api/v1/applications/${application.id}/appointment`;
      // A client that timed out sends the same request again while the first still runs.
      const both = await Promise.all([1, 2].map(() => api(token, 'POST', url, { date, waitingRoomPass: pass })));
      expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
      expect(both[0]!.json().billing.code).toBe(both[1]!.json().billing.code);
      expect(await live(application.id)).toHaveLength(1);

      // A booking refused by its statement (the day filled after the read) leaves its pass unspent.
      const full = await makeUnit(ctx.db);
      const fullDate = await serviceDay(ctx.db, full.code);
      await openDate(ctx.db, full.code, fullDate, 1);
      const late = await makeApplication(ctx.db, { unitCode: full.code });
      const room = await openWaitingRoom(ctx.db, waitingRoom);
      const waiter = { unitCode: full.code, accountId: late.accountId };
      const checked = checkPass(room.key, issuePass(room.key, waiter, 0).pass, waiter);
      const caller = { ...systemCaller('test'), actor: null };
      const input = { applicationId: late.id, date: fullDate, pass: checked };
      const situation = (await readBookingRequest(ctx.db, { token: 'none', uses: ctx.app.deps.tokenUses }, input))
        .situation;
      await bookDirectly(ctx.app, await makeApplication(ctx.db, { unitCode: full.code }), fullDate);
      await expect(
        bookFromSituation(ctx.db, caller, input, situation, ctx.config.booking, ctx.app.deps.secrets.qr),
      ).rejects.toMatchObject({ code: 'quota_full' });
      const spent = await ctx.db.execute(sql`select 1 from spent_waiting_room_passes where nonce = ${checked.nonce}`);
      expect((spent as { rows: unknown[] }).rows).toEqual([]);
    });

    it('sends the booking page to the waiting room until the turn, then books with the pass, whose wait paid the proof', async () => {
      const unit = await makeUnit(ctx.db);
      const date = await serviceDay(ctx.db, unit.code);
      await openDate(ctx.db, unit.code, date, 5);
      // The first arrival takes the place let in at once; the applicant below queues behind it.
      const ahead = await makeApplication(ctx.db, { unitCode: unit.code });
      const first = await (await ownerBrowser(ctx.app, ctx.db, ahead)).get(`/applications/${ahead.id}/book`);
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain('name="waitingRoomPass"');

      const application = await makeApplication(ctx.db, { unitCode: unit.code });
      const browser = await ownerBrowser(ctx.app, ctx.db, application);
      const url = `/applications/${application.id}/book`;
      const sent = await browser.get(url);
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`/units/${unit.code}/waiting-room?next=${encodeURIComponent(url)}`);
      const waiting = await browser.get(sent.headers.location as string);
      expect(waiting.body).toContain('http-equiv="refresh"');

      // A minute later the turn has come: the form carries the pass and, the wait having paid it, no proof of work.
      const form = await later(61, () => browser.get(url));
      expect(form.statusCode).toBe(200);
      const pass = /name="waitingRoomPass" value="([^"]+)"/.exec(form.body)?.[1];
      expect(pass).toBeDefined();
      expect(form.body).not.toContain('name="formToken"');
      const booked = await later(62, () => browser.post(url, { date, waitingRoomPass: pass! }, url));
      expect(booked.statusCode, booked.body).toBe(303);
      expect(await live(application.id)).toHaveLength(1);
      // Skipping the room is no way around it: a form sent without a pass books nothing and leads to the line.
      const other = await makeApplication(ctx.db, { unitCode: unit.code });
      const skipper = await ownerBrowser(ctx.app, ctx.db, other);
      const skipped = await later(63, () => skipper.post(`/applications/${other.id}/book`, { date }, url));
      expect(skipped.statusCode).toBe(303);
      expect(skipped.headers.location).toMatch(new RegExp(`^/units/${unit.code}/waiting-room`));
      expect(await live(other.id)).toEqual([]);
    });
  },
  { waitingRoom },
);
