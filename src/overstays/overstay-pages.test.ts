import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { departures } from '../foreigners/schema.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import { signPayload } from '../payments/signature.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { scanOverstays } from './scan-overstays.ts';
import { overstayProposalActions, overstayProposals } from './schema.ts';
import { makeStayPermit, overstayOf, overstaysOf } from './test-support.ts';

describeApp(
  'overstays for officers',
  (ctx) => {
    let unitCode: string;
    let otherUnit: string;
    const today = witaDate();
    const as = async (role: 'head_of_office' | 'counter_officer' | 'verifier', unit = unitCode) =>
      new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, await makeOfficer(ctx.db, { role, unitCode: unit })));

    beforeAll(async () => {
      unitCode = (await makeUnit(ctx.db)).code;
      otherUnit = (await makeUnit(ctx.db)).code;
    });

    it('marks the overstay paid when the bank’s signed notification pays its billing code, and charges the days after', async () => {
      const permit = await makeStayPermit(ctx.db, { validUntil: addDays(today, -3), unitCode });
      await ctx.db.transaction((tx) => scanOverstays(tx, today));
      const overstay = await overstayOf(ctx.db, permit.permitId);
      expect(overstay).toMatchObject({ days: 3, amount: 3_000_000, status: 'open' });
      const raw = JSON.stringify({ billingCode: overstay!.billingCode, amount: 3_000_000, reference: 'BNI-9' });
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/payments/notifications',
        headers: {
          'content-type': 'application/json',
          'x-sikoe-signature': signPayload(ctx.app.deps.secrets.payments, raw),
        },
        payload: raw,
      });
      expect(res.statusCode, res.body).toBe(200);
      const paid = await overstayOf(ctx.db, permit.permitId);
      expect(paid!.status).toBe('paid');
      expect(paid!.paidAt).not.toBeNull();
      await ctx.db.transaction((tx) => scanOverstays(tx, addDays(today, 1)));
      const [first, next] = await overstaysOf(ctx.db, permit.permitId);
      expect(first).toMatchObject({ status: 'paid', days: 3, lastDay: today });
      expect(next).toMatchObject({ status: 'open', startedOn: first!.firstDay, firstDay: addDays(today, 1), days: 1 });
    });

    it('lists the unit’s overstays to its officers by status and unit, and refuses a unit outside their scope', async () => {
      const mine = await makeStayPermit(ctx.db, { validUntil: addDays(today, -5), unitCode });
      const theirs = await makeStayPermit(ctx.db, { validUntil: addDays(today, -5), unitCode: otherUnit });
      await ctx.db.transaction((tx) => scanOverstays(tx, today));
      const officer = await as('counter_officer');
      const list = await officer.get(`/api/v1/overstays?status=open&unit=${unitCode}`);
      expect(list.statusCode, list.body).toBe(200);
      const rows = list.json<{ permitId: string; days: number; person: { surname: string } }[]>();
      expect(rows.find((r) => r.permitId === mine.permitId)).toMatchObject({ days: 5, person: { surname: 'SMITH' } });
      expect(rows.some((r) => r.permitId === theirs.permitId)).toBe(false);
      const all = (await officer.get('/api/v1/overstays')).json<{ permitId: string }[]>();
      expect(all.some((r) => r.permitId === theirs.permitId)).toBe(false);
      expect((await officer.get(`/api/v1/overstays?unit=${otherUnit}`)).statusCode).toBe(403);
      expect((await (await as('verifier')).get('/api/v1/overstays')).statusCode).toBe(403);
      const page = await officer.get('/officer/overstays?status=open');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('SMITH');
      expect(page.body).not.toContain('Terima usulan');
    });

    it('lets the head of office acknowledge a proposal once; others are refused and change nothing', async () => {
      const permit = await makeStayPermit(ctx.db, { validUntil: addDays(today, -61), unitCode });
      await ctx.db.transaction((tx) => scanOverstays(tx, today));
      const overstay = await overstayOf(ctx.db, permit.permitId);
      const [proposal] = await ctx.db
        .select()
        .from(overstayProposals)
        .where(eq(overstayProposals.overstayId, overstay!.id));
      const url = `/officer/overstays/proposals/${proposal!.id}/acknowledge`;
      const counter = await as('counter_officer');
      expect((await counter.post(url, { requestId: 'ack-first-1' }, '/officer/overstays')).statusCode).toBe(403);
      const elsewhere = await as('head_of_office', otherUnit);
      expect((await elsewhere.post(url, { requestId: 'ack-first-1' }, '/officer/overstays')).statusCode).toBe(403);
      expect(
        (await ctx.db.select().from(overstayProposals).where(eq(overstayProposals.id, proposal!.id)))[0]!.status,
      ).toBe('proposed');
      const head = await as('head_of_office');
      const page = await head.get('/officer/overstays?status=proposed');
      expect(page.body).toContain('Terima usulan');
      expect((await head.post(url, { requestId: 'ack-first-1' })).statusCode).toBe(303);
      expect((await head.post(url, { requestId: 'ack-first-1' })).statusCode).toBe(303);
      const again = await head.post(url, { requestId: 'ack-second-2' });
      expect(again.statusCode).toBe(409);
      const history = await ctx.db
        .select()
        .from(overstayProposalActions)
        .where(eq(overstayProposalActions.proposalId, proposal!.id));
      expect(history.map((h) => h.type)).toEqual(['proposed', 'acknowledged']);
    });

    it('records a departure from the officer’s form, found by passport number and nationality', async () => {
      const { id, doc } = await makeForeigner(ctx.db);
      const officer = await as('counter_officer');
      const form = {
        documentNumber: doc.documentNumber,
        nationality: doc.nationality,
        birthDate: '',
        departedOn: today,
        place: 'Bandara El Tari',
        requestId: `dep-${id}`,
      };
      const unknown = await officer.post(
        '/officer/foreigners/departures',
        { ...form, documentNumber: 'NOSUCH123' },
        '/officer/foreigners/departures',
      );
      expect(unknown.statusCode).toBe(422);
      expect(unknown.body).toContain('Tidak ada orang asing dengan nomor paspor');
      const future = await officer.post('/officer/foreigners/departures', { ...form, departedOn: addDays(today, 1) });
      expect(future.statusCode).toBe(422);
      expect(await ctx.db.select().from(departures).where(eq(departures.foreignerId, id))).toHaveLength(0);
      const done = await officer.post('/officer/foreigners/departures', form);
      expect(done.statusCode).toBe(303);
      expect((await officer.post('/officer/foreigners/departures', form)).statusCode).toBe(303);
      const recorded = await ctx.db.select().from(departures).where(eq(departures.foreignerId, id));
      expect(recorded).toMatchObject([{ departedOn: today, place: 'Bandara El Tari', unitCode }]);
    });
  },
  {},
  { ownDatabase: true },
);
