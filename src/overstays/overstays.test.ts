import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit } from '../../test/factories.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { billings } from '../payments/schema.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { clearChangePaid } from '../stay-permits/clear-change-paid.ts';
import { extendStayPermit } from '../stay-permits/extend-stay-permit.ts';
import { markChangePaid } from '../stay-permits/mark-change-paid.ts';
import { countOverstays } from './count-overstays.ts';
import { scanOverstays } from './scan-overstays.ts';
import { OVERSTAY_SCAN_JOB } from './schedule-overstay-scan.ts';
import { overstayPaid } from './take-overstay-payment.ts';
import { overstayProposalActions, overstayProposals, overstays } from './schema.ts';
import { makeStayPermit, overstayOf, overstaysOf } from './test-support.ts';

// Each test scans on its own day, later than the tests before it: a scan sees every permit in the database, and the
// days of an overstay only ever grow.
describeApp(
  'the daily overstay scan',
  (ctx) => {
    let unitCode: string;
    let bearer: string;
    const scan = (today: string) => ctx.db.transaction((tx) => scanOverstays(tx, today, witaInstant(today, '00:30')));
    const depart = (foreignerId: string, departedOn: string, requestId?: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/foreigners/${foreignerId}/departures`,
        headers: { authorization: `Bearer ${bearer}` },
        payload: { departedOn, place: 'Bandara El Tari', requestId },
      });

    beforeAll(async () => {
      unitCode = (await makeUnit(ctx.db)).code;
      const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode });
      ({ token: bearer } = await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), head.id, 'test')));
    });

    it('charges each overstay at the rate in force on its first day over (Rp300.000 before 3 May 2019)', async () => {
      const before = await makeStayPermit(ctx.db, { validUntil: '2019-04-20', unitCode });
      const after = await makeStayPermit(ctx.db, { validUntil: '2019-05-10', unitCode });
      await scan('2019-05-12');
      // 21 April through 12 May, both counted: 22 days.
      expect(await overstayOf(ctx.db, before.permitId)).toMatchObject({
        firstDay: '2019-04-21',
        lastDay: '2019-05-12',
        days: 22,
        dailyRate: 300_000,
        amount: 6_600_000,
        status: 'open',
      });
      expect(await overstayOf(ctx.db, after.permitId)).toMatchObject({
        days: 2,
        dailyRate: 1_000_000,
        amount: 2_000_000,
      });
    });

    it('cancels an open overstay once its permit is extended past it, so a later departure charges nothing', async () => {
      const permit = await makeStayPermit(ctx.db, { validUntil: '2020-03-09', unitCode });
      await scan('2020-03-11');
      expect(await overstayOf(ctx.db, permit.permitId)).toMatchObject({ days: 2, status: 'open' });
      await ctx.db.transaction((tx) =>
        extendStayPermit(tx, systemCaller('test'), { permitId: permit.permitId, validUntil: '2020-05-08' }),
      );
      expect((await scan('2020-03-12')).lifted).toBe(1);
      expect((await depart(permit.foreignerId, '2020-05-01')).statusCode).toBe(201);
      expect(await overstayOf(ctx.db, permit.permitId)).toMatchObject({ days: 2, status: 'cancelled' });
    });

    it('leaves a running overstay alone when the departure recorded is from before the permit’s entry', async () => {
      const permit = await makeStayPermit(ctx.db, { entryDate: '2020-02-01', validUntil: '2020-03-09', unitCode });
      await scan('2020-03-12');
      expect((await depart(permit.foreignerId, '2019-12-30')).statusCode).toBe(201);
      await scan('2020-03-13');
      expect(await overstayOf(ctx.db, permit.permitId)).toMatchObject({ days: 4, status: 'open', departedOn: null });
    });

    it('counts one day for a permit that ended yesterday, and one for a person who left the day after the end', async () => {
      const stays = await makeStayPermit(ctx.db, { validUntil: '2020-01-09', unitCode });
      const leaves = await makeStayPermit(ctx.db, { validUntil: '2020-01-09', unitCode });
      const inTime = await makeStayPermit(ctx.db, { validUntil: '2020-01-09', unitCode });
      expect((await depart(inTime.foreignerId, '2020-01-09')).statusCode).toBe(201);
      await scan('2020-01-10');
      const one = await overstayOf(ctx.db, stays.permitId);
      expect(one).toMatchObject({ days: 1, amount: 1_000_000, status: 'open', billedAmount: 1_000_000 });
      const [billing] = await ctx.db.select().from(billings).where(eq(billings.code, one!.billingCode!));
      expect(billing).toMatchObject({ purpose: 'overstay', subjectId: one!.id, amount: 1_000_000 });
      expect(billing!.expiresAt).toEqual(witaInstant('2020-01-11'));
      expect(await overstayOf(ctx.db, inTime.permitId)).toBeUndefined();

      // Left on 10 January, recorded on the 12th after two more scans: the overstay closes with its one day.
      await scan('2020-01-11');
      await scan('2020-01-12');
      expect(await overstayOf(ctx.db, leaves.permitId)).toMatchObject({ days: 3 });
      const sent = await depart(leaves.foreignerId, '2020-01-10', 'depart-once');
      expect(sent.statusCode, sent.body).toBe(201);
      expect((await depart(leaves.foreignerId, '2020-01-10', 'depart-once')).json().id).toBe(sent.json().id);
      expect(await overstayOf(ctx.db, leaves.permitId)).toMatchObject({
        days: 1,
        lastDay: '2020-01-10',
        departedOn: '2020-01-10',
        amount: 1_000_000,
      });
      await scan('2020-01-13');
      expect(await overstayOf(ctx.db, leaves.permitId)).toMatchObject({ days: 1 });
      expect(await overstayOf(ctx.db, stays.permitId)).toMatchObject({ days: 4 });
    });

    it('cancels an overstay when a departure recorded late shows the person left in time', async () => {
      const permit = await makeStayPermit(ctx.db, { validUntil: '2020-06-09', unitCode });
      await scan('2020-06-12');
      expect(await overstayOf(ctx.db, permit.permitId)).toMatchObject({ days: 3, status: 'open' });
      expect((await depart(permit.foreignerId, '2020-06-08')).statusCode).toBe(201);
      expect(await overstayOf(ctx.db, permit.permitId)).toMatchObject({ days: 0, status: 'cancelled' });
      await scan('2020-06-13');
      expect(await overstayOf(ctx.db, permit.permitId)).toMatchObject({ days: 0, status: 'cancelled' });
    });

    it('charges under 60 days and proposes administrative action from the 60th, telling the unit’s head once', async () => {
      const permit = await makeStayPermit(ctx.db, { validUntil: '2021-01-01', unitCode });
      await scan('2021-03-01');
      // 2 January through 1 March: 59 days.
      const charged = await overstayOf(ctx.db, permit.permitId);
      expect(charged).toMatchObject({ days: 59, amount: 59_000_000, status: 'open' });
      expect(charged!.billingCode).not.toBeNull();
      const mailsBefore = await mailsTo(unitCode);
      await scan('2021-03-02');
      const proposed = await overstayOf(ctx.db, permit.permitId);
      expect(proposed).toMatchObject({ days: 60, status: 'proposed' });
      const [proposal] = await ctx.db
        .select()
        .from(overstayProposals)
        .where(eq(overstayProposals.overstayId, proposed!.id));
      expect(proposal).toMatchObject({
        reason: 'limit_reached',
        status: 'proposed',
        proposedOn: '2021-03-02',
        unitCode,
      });
      const history = await ctx.db
        .select()
        .from(overstayProposalActions)
        .where(eq(overstayProposalActions.proposalId, proposal!.id));
      expect(history.map((h) => h.type)).toEqual(['proposed']);
      expect((await mailsTo(unitCode)) - mailsBefore).toBeGreaterThanOrEqual(1);
      const mails = await mailsTo(unitCode);
      await scan('2021-03-02');
      expect(await mailsTo(unitCode)).toBe(mails);
      // No new code for a charge past the limit.
      await scan('2021-03-03');
      expect((await overstayOf(ctx.db, permit.permitId))!.billingCode).toBe(charged!.billingCode);
    });

    const mailsTo = async (unit: string) => {
      const [row] = await ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'subject' like ${`%(${unit})%`}`));
      return row!.n;
    };

    it('leaves out a change of status filed and paid before the end, a newer permit, a converted or cancelled one, and people who left', async () => {
      const changing = await makeStayPermit(ctx.db, {
        validUntil: '2022-01-01',
        pendingChangePaidOn: '2021-12-01',
        unitCode,
      });
      const renewed = await makeStayPermit(ctx.db, { validUntil: '2022-01-01', unitCode });
      await makeStayPermit(ctx.db, { foreignerId: renewed.foreignerId, validUntil: '2023-01-01', unitCode });
      const left = await makeStayPermit(ctx.db, { validUntil: '2022-01-01', unitCode });
      expect((await depart(left.foreignerId, '2021-12-20')).statusCode).toBe(201);
      const converted = await makeStayPermit(ctx.db, { validUntil: '2022-01-01', status: 'converted', unitCode });
      const cancelled = await makeStayPermit(ctx.db, { validUntil: '2022-01-01', status: 'cancelled', unitCode });
      await scan('2022-01-05');
      for (const p of [changing, renewed, left, converted, cancelled])
        expect(await overstayOf(ctx.db, p.permitId)).toBeUndefined();
    });

    it('counts a holder still here after an exit permit’s leave-by date (an EPO ends the permit on that day)', async () => {
      const epo = await makeStayPermit(ctx.db, { validUntil: '2022-01-01', status: 'ended', unitCode });
      await scan('2022-01-03');
      expect(await overstayOf(ctx.db, epo.permitId)).toMatchObject({ days: 2 });
    });

    it('proposes action on a charge still unpaid the set number of days after the person left', async () => {
      const permit = await makeStayPermit(ctx.db, { validUntil: '2023-01-01', unitCode });
      await scan('2023-01-05');
      expect((await depart(permit.foreignerId, '2023-01-05')).statusCode).toBe(201);
      await scan('2023-01-11');
      expect(await overstayOf(ctx.db, permit.permitId)).toMatchObject({ days: 4, status: 'open' });
      await scan('2023-01-12');
      const overstay = await overstayOf(ctx.db, permit.permitId);
      expect(overstay).toMatchObject({ days: 4, status: 'proposed' });
      const [proposal] = await ctx.db
        .select()
        .from(overstayProposals)
        .where(eq(overstayProposals.overstayId, overstay!.id));
      expect(proposal!.reason).toBe('unpaid');
    });

    it('changes nothing when run again the same day', async () => {
      const permits = await Promise.all(
        ['2024-02-01', '2024-01-01', '2023-12-01'].map((validUntil) =>
          makeStayPermit(ctx.db, { validUntil, unitCode }),
        ),
      );
      const first = await scan('2024-02-10');
      expect(first.found).toBeGreaterThanOrEqual(3);
      const snapshot = async () => {
        const rows = await ctx.db.select().from(overstays).orderBy(overstays.id);
        const codes = await ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(billings)
          .where(eq(billings.purpose, 'overstay'));
        const proposals = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(overstayProposals);
        const queued = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(jobs);
        return { rows, codes, proposals, queued };
      };
      const before = await snapshot();
      expect(await scan('2024-02-10')).toEqual({ found: 0, updated: 0, lifted: 0, proposed: 0, billed: 0 });
      expect(await snapshot()).toEqual(before);
      const ids = permits.map((p) => p.permitId);
      const mine = await ctx.db.select().from(overstays).where(inArray(overstays.permitId, ids));
      expect(mine.map((o) => o.days).sort((a, b) => a - b)).toEqual([9, 40, 71]);
    });

    const periodsOf = async (permitId: string) =>
      (await overstaysOf(ctx.db, permitId)).map((o) => ({
        startedOn: o.startedOn,
        firstDay: o.firstDay,
        lastDay: o.lastDay,
        days: o.days,
        amount: o.amount,
        status: o.status,
      }));
    // The bank's payment as payments hands it over (the notification path is in overstay-pages.test.ts; here the
    // codes are of past days, which payments would refuse as expired).
    const pay = async (code: string, paidAt: Date) => {
      const [billing] = await ctx.db.select().from(billings).where(eq(billings.code, code));
      await ctx.db.transaction((tx) => overstayPaid(tx, systemCaller('test'), billing!, paidAt));
    };

    it('charges a holder who paid and stayed for the days after the paid ones only, until a departure closes them', async () => {
      const permit = await makeStayPermit(ctx.db, { validUntil: '2024-03-01', unitCode });
      await scan('2024-03-04');
      await pay((await overstayOf(ctx.db, permit.permitId))!.billingCode!, witaInstant('2024-03-04', '10:00'));
      await scan('2024-03-04');
      const paid = { startedOn: '2024-03-02', firstDay: '2024-03-02', lastDay: '2024-03-04', days: 3, status: 'paid' };
      expect(await periodsOf(permit.permitId)).toEqual([{ ...paid, amount: 3_000_000 }]);

      // Still here two days later: a charge for those two days, at the rate of the first day over.
      await scan('2024-03-06');
      const next = await overstayOf(ctx.db, permit.permitId);
      expect(next).toMatchObject({ startedOn: '2024-03-02', firstDay: '2024-03-05', days: 2, status: 'open' });
      expect(next).toMatchObject({ amount: 2_000_000, billedAmount: 2_000_000, dailyRate: 1_000_000 });
      const [billing] = await ctx.db.select().from(billings).where(eq(billings.code, next!.billingCode!));
      expect(billing).toMatchObject({ purpose: 'overstay', subjectId: next!.id, amount: 2_000_000 });

      // That code paid after the next night's scan had counted a third day: the third day stays owed on its own.
      await scan('2024-03-07');
      await pay(next!.billingCode!, witaInstant('2024-03-06', '23:00'));
      await scan('2024-03-08');
      const closing = await overstayOf(ctx.db, permit.permitId);
      expect(closing).toMatchObject({ firstDay: '2024-03-07', days: 2, status: 'open', billedAmount: 2_000_000 });

      expect((await depart(permit.foreignerId, '2024-03-08')).statusCode).toBe(201);
      await scan('2024-03-09');
      expect(await periodsOf(permit.permitId)).toEqual([
        { ...paid, amount: 3_000_000 },
        { ...paid, firstDay: '2024-03-05', lastDay: '2024-03-06', days: 2, amount: 2_000_000 },
        { ...paid, firstDay: '2024-03-07', lastDay: '2024-03-08', days: 2, amount: 2_000_000, status: 'open' },
      ]);
      expect((await overstayOf(ctx.db, permit.permitId))!.departedOn).toBe('2024-03-08');
      // The open figures count one overstay, not one per period, and not paid while a period is owed.
      const march = await countOverstays(ctx.db, { from: '2024-03-01', to: '2024-03-31' });
      expect(march.filter((c) => c.unitCode === unitCode)).toEqual([
        { unitCode, month: '2024-03', overstays: 1, paid: 0, proposed: 0 },
      ]);
    });

    it('proposes administrative action at 60 days in all, however the charge was paid in parts', async () => {
      const permit = await makeStayPermit(ctx.db, { validUntil: '2024-04-01', unitCode });
      // 2 April through 20 May: 49 days, paid.
      await scan('2024-05-20');
      await pay((await overstayOf(ctx.db, permit.permitId))!.billingCode!, witaInstant('2024-05-20', '10:00'));
      // 21 through 30 May: 10 more, 59 in all, still a charge.
      await scan('2024-05-30');
      expect(await overstayOf(ctx.db, permit.permitId)).toMatchObject({ days: 10, status: 'open' });
      await scan('2024-05-31');
      const period = await overstayOf(ctx.db, permit.permitId);
      expect(period).toMatchObject({ firstDay: '2024-05-21', days: 11, status: 'proposed' });
      const [proposal] = await ctx.db
        .select()
        .from(overstayProposals)
        .where(eq(overstayProposals.overstayId, period!.id));
      expect(proposal).toMatchObject({ reason: 'limit_reached', proposedOn: '2024-05-31' });
      expect((await periodsOf(permit.permitId)).map((p) => p.status)).toEqual(['paid', 'proposed']);
    });

    it('counts again a period cancelled while a paid change of status covered it, once the change is refused', async () => {
      const permit = await makeStayPermit(ctx.db, { validUntil: '2024-06-01', unitCode });
      await scan('2024-06-03');
      const caller = systemCaller('test');
      await ctx.db.transaction((tx) => markChangePaid(tx, caller, { permitId: permit.permitId, paidOn: '2024-05-30' }));
      await scan('2024-06-04');
      expect(await overstayOf(ctx.db, permit.permitId)).toMatchObject({ days: 2, status: 'cancelled' });
      await ctx.db.transaction((tx) => clearChangePaid(tx, caller, { permitId: permit.permitId }));
      await scan('2024-06-06');
      expect(await periodsOf(permit.permitId)).toEqual([
        {
          startedOn: '2024-06-02',
          firstDay: '2024-06-02',
          lastDay: '2024-06-06',
          days: 5,
          amount: 5_000_000,
          status: 'open',
        },
      ]);
    });

    it('runs as a daily job that queues itself for 00.30 WITA the next day', async () => {
      await ctx.db.delete(jobs).where(and(eq(jobs.kind, OVERSTAY_SCAN_JOB), isNull(jobs.doneAt)));
      await ctx.db.insert(jobs).values({ kind: OVERSTAY_SCAN_JOB, payload: {}, runAt: new Date(Date.now() - 1000) });
      await ctx.app.deps.jobs.runDue();
      const queued = await ctx.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, OVERSTAY_SCAN_JOB), isNull(jobs.doneAt)));
      expect(queued.map((j) => j.runAt)).toEqual([witaInstant(addDays(witaDate(), 1), '00:30')]);
    });
  },
  {},
  { ownDatabase: true },
);
