import { expect, it } from 'vitest';
import { createApiToken } from '../accounts/api-tokens.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { loadConfig } from '../platform/config.ts';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { checkPass, passKey } from './pass.ts';
import { serverSecret } from '../platform/db/secrets.ts';

// One place a minute: the first arrival goes in at once, the next waits a minute per place ahead.
const waitingRoom = loadConfig({ WAITING_ROOM_ADMIT_PER_MINUTE: '1', WAITING_ROOM_HOURS: 'always' }).waitingRoom;

describeApp(
  'waiting room pages and API',
  (ctx) => {
    const browserOf = async (db = ctx.db) =>
      new Browser(ctx.app).setCookie(await sessionCookie(db, await makeCitizen(db)));
    const bearerOf = async () => {
      const citizen = await makeCitizen(ctx.db);
      const { token } = await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), citizen.id, 'wr'));
      return { citizen, headers: { authorization: `Bearer ${token}` } };
    };

    it('lets the first arrival through to the booking, and shows the next one a self-refreshing place in line', async () => {
      const unit = await makeUnit(ctx.db);
      const page = `/units/${unit.code}/waiting-room`;
      const next = '/applications/00000000-0000-4000-8000-000000000000/book';

      const first = await browserOf();
      const offer = await first.get(`${page}?next=${encodeURIComponent(next)}`);
      expect(offer.statusCode).toBe(200);
      expect(offer.body).toContain('Ambil nomor urut');
      expect(offer.body).not.toContain('http-equiv="refresh"');
      const joined = await first.post(page, { next });
      expect([joined.statusCode, joined.headers.location]).toEqual([303, next]);

      const second = await browserOf();
      const queued = await second.post(page, { next }, `${page}?next=${encodeURIComponent(next)}`);
      expect(queued.statusCode).toBe(303);
      expect(queued.headers.location).toBe(`${page}?next=${encodeURIComponent(next)}`);
      const waiting = await second.get(queued.headers.location as string);
      expect(waiting.statusCode).toBe(200);
      expect(waiting.body).toContain('Nomor urut Anda: 2');
      expect(waiting.body).toContain('Orang di depan Anda: 1');
      expect(waiting.body).toMatch(/<meta http-equiv="refresh" content="30"\/?>/);
      expect(waiting.body).not.toContain('<script');
      // Taking a place again (another tab, a reload of the form) keeps it.
      await second.post(page, { next });
      await second.get('/lang/en?next=/');
      const english = await second.get(page);
      expect(english.body).toContain('Your place in line: 2');
      expect(english.body).toContain('People ahead of you: 1');
      // An address elsewhere is not followed after the turn.
      const third = await browserOf();
      const away = await third.post(page, { next: '//evil.example/' }, page);
      expect(away.headers.location).toBe(`${page}?next=${encodeURIComponent('/')}`);
    });

    it('answers API clients with the place, the wait and, once admitted, a pass for that account and unit', async () => {
      const unit = await makeUnit(ctx.db);
      const url = `/api/v1/units/${unit.code}/waiting-room`;
      const one = await bearerOf();
      expect((await ctx.app.inject({ method: 'GET', url, headers: one.headers })).statusCode).toBe(404);
      const admitted = await ctx.app.inject({ method: 'POST', url, headers: one.headers });
      expect(admitted.statusCode).toBe(200);
      const body = admitted.json<{ position: number; admitted: boolean; pass: string; active: boolean }>();
      expect([body.position, body.admitted, body.active]).toEqual([1, true, true]);
      const key = passKey(await serverSecret(ctx.db, 'waiting-room-pass'), waitingRoom.passMinutes);
      // Let in at once: a pass that says no time was spent waiting (the booking form keeps its own proof then).
      expect(checkPass(key, body.pass, { unitCode: unit.code, accountId: one.citizen.id }).waitedSeconds).toBe(0);

      const two = await bearerOf();
      await ctx.app.inject({ method: 'POST', url, headers: two.headers });
      const polled = await ctx.app.inject({ method: 'GET', url, headers: two.headers });
      expect(polled.json()).toMatchObject({ position: 2, ahead: 1, admitted: false, pass: null });
      expect(polled.json<{ estimatedSeconds: number }>().estimatedSeconds).toBeGreaterThan(50);
      expect(
        (await ctx.app.inject({ method: 'POST', url: '/api/v1/units/NOPE/waiting-room', headers: two.headers }))
          .statusCode,
      ).toBe(404);
    });

    it('is for citizens: officers are refused', async () => {
      const officer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
      const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
      expect((await browser.get('/units/KANIM-KUPANG/waiting-room')).statusCode).toBe(403);
    });
  },
  { waitingRoom },
);
