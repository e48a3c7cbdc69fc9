import { count, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer } from '../../test/factories.ts';
import { auditFor } from '../accounts/test-support.ts';
import { lodgingMembers, lodgingRules, lodgings, stays } from './schema.ts';
import { apiTokenOf, guestJson, lodgingBody, makeLodging, makeReporter, villageIn } from './test-support.ts';

const stayCount = async (db: Parameters<typeof makeLodging>[0], lodgingId: string) =>
  (await db.select({ n: count() }).from(stays).where(eq(stays.lodgingId, lodgingId)))[0]!.n;

describeApp(
  'lodgings’ API',
  (ctx) => {
    const post = (url: string, token: string, payload: unknown) =>
      ctx.app.inject({
        method: 'POST',
        url,
        payload: payload as object,
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
      });

    it('registers a lodging for the office of its village, its registrant its manager, and refuses one outside NTT', async () => {
      const owner = await makeCitizen(ctx.db);
      const token = await apiTokenOf(ctx.db, owner);
      const res = await post('/api/v1/lodgings', token, lodgingBody(await villageIn(ctx.db, '53.15')));
      expect(res.statusCode, res.body).toBe(201);
      const lodging = res.json<{ id: string; status: string; unitCode: string }>();
      expect(lodging).toMatchObject({ status: 'pending', unitCode: 'KANIM-LABUAN-BAJO' });
      const members = await ctx.db.select().from(lodgingMembers).where(eq(lodgingMembers.lodgingId, lodging.id));
      expect(members).toMatchObject([{ accountId: owner.id, role: 'manager' }]);
      expect(await auditFor(ctx.db, lodging.id, 'lodging.registered')).toHaveLength(1);

      const before = (await ctx.db.select({ n: count() }).from(lodgings))[0]!.n;
      const bali = await post('/api/v1/lodgings', token, lodgingBody(await villageIn(ctx.db, '51.71')));
      expect(bali.statusCode).toBe(422);
      expect(bali.json().error.fields.villageCode).toMatch(/outside the working area/);
      const noLicence = await post(
        '/api/v1/lodgings',
        token,
        lodgingBody(await villageIn(ctx.db, '53.15'), { kind: 'hotel', licenceNumber: '' }),
      );
      expect(noLicence.statusCode).toBe(422);
      expect(noLicence.json().error.fields.licenceNumber).toMatch(/licence/);
      const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-LABUAN-BAJO' });
      const byOfficer = await post('/api/v1/lodgings', await apiTokenOf(ctx.db, officer), lodgingBody('53.15.01.2001'));
      expect(byOfficer.statusCode).toBe(403);
      expect((await ctx.db.select({ n: count() }).from(lodgings))[0]!.n).toBe(before);
    });

    it('takes 1,000 guests, and the same 1,000 again, as 1,000 stays with the same receipts', async () => {
      const { lodging } = await makeLodging(ctx.db);
      const token = await apiTokenOf(ctx.db, await makeReporter(ctx.db, lodging.id));
      const guests = Array.from({ length: 1000 }, () => guestJson());
      const url = `/api/v1/lodgings/${lodging.id}/guests`;
      const first = await post(url, token, { guests });
      expect(first.statusCode, first.body.slice(0, 500)).toBe(200);
      expect(first.json()).toMatchObject({ accepted: 1000, repeated: 0, rejected: 0 });
      const again = await post(url, token, { guests });
      expect(again.json()).toMatchObject({ accepted: 0, repeated: 1000, rejected: 0 });
      type Result = { stayId: string; receiptNumber: string };
      const firstResults = first.json<{ results: Result[] }>().results;
      expect(again.json<{ results: Result[] }>().results.map((r) => r.stayId)).toEqual(
        firstResults.map((r) => r.stayId),
      );
      expect(firstResults[0]!.receiptNumber).toMatch(/^STT-LABUANBAJO-\d{8}-[A-Z2-9]{10}$/);
      expect(await stayCount(ctx.db, lodging.id)).toBe(1000);
      expect(await auditFor(ctx.db, lodging.id, 'lodging.check_in')).toHaveLength(1);
    });

    it('answers each bad guest with its fields and records the good ones', async () => {
      const { lodging, manager } = await makeLodging(ctx.db);
      const token = await apiTokenOf(ctx.db, manager);
      const future = new Date(Date.now() + 3_600_000).toISOString();
      const res = await post(`/api/v1/lodgings/${lodging.id}/guests`, token, {
        guests: [
          guestJson(),
          guestJson({ documentNumber: '', purpose: 'smuggling' }),
          guestJson({ checkInAt: future }),
          { clientId: 'only-an-id' },
        ],
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ accepted: 1, rejected: 3 });
      expect(body.results[1]).toMatchObject({
        status: 'rejected',
        errors: { documentNumber: expect.any(String), purpose: 'Choose one.' },
      });
      expect(body.results[2].errors.checkInAt).toMatch(/future/);
      expect(body.results[3]).toMatchObject({ clientId: 'only-an-id', status: 'rejected' });
      expect(await stayCount(ctx.db, lodging.id)).toBe(1);
      const tooMany = await post(`/api/v1/lodgings/${lodging.id}/guests`, token, {
        guests: Array.from({ length: 1001 }, () => ({})),
      });
      expect(tooMany.statusCode).toBe(422);
      expect(tooMany.json().error.fields.guests).toMatch(/1,000/);
    });

    it('refuses a reporter of another lodging, an unverified lodging and officers, and changes nothing', async () => {
      const { lodging } = await makeLodging(ctx.db);
      const other = await makeLodging(ctx.db);
      const pending = await makeLodging(ctx.db, { status: 'pending' });
      const stranger = await apiTokenOf(ctx.db, other.manager);
      const res = await post(`/api/v1/lodgings/${lodging.id}/guests`, stranger, { guests: [guestJson()] });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
      const unverified = await post(
        `/api/v1/lodgings/${pending.lodging.id}/guests`,
        await apiTokenOf(ctx.db, pending.manager),
        {
          guests: [guestJson()],
        },
      );
      expect(unverified.statusCode).toBe(409);
      expect(unverified.json()).toMatchObject({ error: { code: 'lodging_not_verified' } });
      const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-LABUAN-BAJO' });
      const byOfficer = await post(`/api/v1/lodgings/${lodging.id}/guests`, await apiTokenOf(ctx.db, officer), {
        guests: [guestJson()],
      });
      expect(byOfficer.statusCode).toBe(403);
      for (const l of [lodging, pending.lodging]) expect(await stayCount(ctx.db, l.id)).toBe(0);
    });

    it('checks a guest out once, suspended or not; a resend answers the same, another lodging’s stay is not found', async () => {
      const { lodging, manager } = await makeLodging(ctx.db);
      const token = await apiTokenOf(ctx.db, manager);
      const [guest] = (await post(`/api/v1/lodgings/${lodging.id}/guests`, token, { guests: [guestJson()] })).json<{
        results: { stayId: string }[];
      }>().results;
      const url = `/api/v1/lodgings/${lodging.id}/guests/${guest!.stayId}/check-out`;
      // Suspended, the lodging reports no check-in, but still its guests' departures.
      await ctx.db.update(lodgings).set({ status: 'suspended' }).where(eq(lodgings.id, lodging.id));
      const refused = await post(`/api/v1/lodgings/${lodging.id}/guests`, token, { guests: [guestJson()] });
      expect(refused.statusCode).toBe(409);
      expect(await stayCount(ctx.db, lodging.id)).toBe(1);
      const out = await post(url, token, {});
      expect(out.statusCode, out.body).toBe(200);
      const at = out.json<{ checkOutAt: string }>().checkOutAt;
      expect(at).toBeTruthy();
      expect((await post(url, token, {})).json()).toMatchObject({ checkOutAt: at });
      expect(await auditFor(ctx.db, guest!.stayId, 'lodging.check_out')).toHaveLength(1);
      const other = await makeLodging(ctx.db);
      const foreign = await post(
        `/api/v1/lodgings/${other.lodging.id}/guests/${guest!.stayId}/check-out`,
        await apiTokenOf(ctx.db, other.manager),
        {},
      );
      expect(foreign.statusCode).toBe(404);
    });

    it('flags a check-in late after the deadline in force on its WITA day, and on time exactly at it', async () => {
      const { lodging, manager } = await makeLodging(ctx.db);
      const token = await apiTokenOf(ctx.db, manager);
      // A stricter rule from 1 January 2090 (WITA): a check-in at 00:30 WITA that day, still 31 December in UTC, is
      // judged by it.
      await ctx.db
        .insert(lodgingRules)
        .values({ validFrom: '2090-01-01', checkInDueHours: 12, source: 'test rule' })
        .onConflictDoNothing();
      const { checkInGuests } = await import('./check-in-guests.ts');
      const { parseGuest } = await import('./inputs.ts');
      const send = (checkInAt: string, now: Date) => {
        const parsed = parseGuest(guestJson({ checkInAt, expectedCheckOutOn: '2090-01-05' }));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
        return ctx.db.transaction((tx) =>
          checkInGuests(
            tx,
            {
              actor: {
                id: manager.id,
                kind: 'citizen',
                role: null,
                unitCode: null,
                name: '',
                email: '',
                emailVerified: true,
                mfaPassed: true,
                totpEnabled: false,
                via: 'token',
              },
            },
            { lodgingId: lodging.id, channel: 'api', entries: [{ guest: parsed.guest }] },
            now,
          ),
        );
      };
      const checkIn = '2090-01-01T00:30+08:00';
      const at = (iso: string) => new Date(iso);
      expect((await send(checkIn, at('2090-01-01T12:30+08:00')))[0]).toMatchObject({ status: 'accepted', late: false });
      expect((await send(checkIn, at('2090-01-01T12:31+08:00')))[0]).toMatchObject({ status: 'accepted', late: true });
      // The day before, the 24-hour rule: 23:59 WITA on 31 December 2089, reported 24 hours later, is on time.
      expect((await send('2089-12-31T23:59+08:00', at('2090-01-01T23:59+08:00')))[0]).toMatchObject({ late: false });
      expect((await send('2089-12-31T23:59+08:00', at('2090-01-02T00:00+08:00')))[0]).toMatchObject({ late: true });
      expect(token).toBeTruthy();
      await ctx.db.delete(lodgingRules).where(sql`${lodgingRules.validFrom} = '2090-01-01'`);
    });
  },
  { logLevel: 'error' },
);
