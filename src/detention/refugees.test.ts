import { eq } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { describeDb } from '../../test/db.ts';
import { birthDatesFrom } from '../../test/factories.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { countRefugees } from './count-detention.ts';
import { listRefugees } from './list-refugees.ts';
import { missedStreaks } from './missed-months.ts';
import { performDetaineeAction } from './perform-detainee-action.ts';
import { performRefugeeAction, type RefugeeActionInput } from './perform-refugee-action.ts';
import { scanDetention } from './scan-detention.ts';
import { registerRefugee } from './register-refugee.ts';
import { refugeeActions, refugeeReports, refugees } from './schema.ts';
import { makeDetainee, makeRefugee, officerCaller } from './test-support.ts';

describeDb('refugees under the Rudenim’s oversight and the daily scan', (ctx) => {
  const born = birthDatesFrom(1982);
  let rudenim: Caller;
  let kanim: Caller;
  let partner: Caller;
  const act = (caller: Caller, id: string, input: RefugeeActionInput) =>
    ctx.db.transaction((tx) => performRefugeeAction(tx, caller, id, input));
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: { code?: string }) => e.code ?? 'error',
    );
  const scan = (today: string) => ctx.db.transaction((tx) => scanDetention(tx, today));
  /** Runs the body on a WITA day (Date only: the database keeps real time). */
  const onDay = async <T>(day: string, body: () => Promise<T>): Promise<T> => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${day}T04:00:00Z`));
    try {
      return await body();
    } finally {
      vi.useRealTimers();
    }
  };
  const reportsOf = async (id: string) =>
    (await ctx.db.select().from(refugeeReports).where(eq(refugeeReports.refugeeId, id))).map((r) => r.month);

  beforeAll(async () => {
    rudenim = await officerCaller(ctx.db, 'oversight_officer', 'RUDENIM-KUPANG');
    kanim = await officerCaller(ctx.db, 'oversight_officer', 'KANIM-KUPANG');
    partner = await officerCaller(ctx.db, 'partner', 'RUDENIM-KUPANG');
  });

  it('stamps one self-report per month, once per request id', () =>
    onDay('2024-02-10', async () => {
      const r = await makeRefugee(ctx.db, rudenim, {}, { birthDate: born() });
      const report = {
        step: 'report',
        month: '2024-02',
        reportedOn: '2024-02-05',
        requestId: `rep-${crypto.randomUUID()}`,
      } as const;
      await act(rudenim, r.id, report);
      await act(rudenim, r.id, report);
      expect(await ctx.db.select().from(refugeeReports).where(eq(refugeeReports.refugeeId, r.id))).toHaveLength(1);
      expect(await refusal(act(rudenim, r.id, { ...report, requestId: `rep-${crypto.randomUUID()}` }))).toBe(
        'validation_failed',
      );
      expect(await refusal(act(rudenim, r.id, { step: 'report', month: '2023-12', reportedOn: '2024-02-05' }))).toBe(
        'validation_failed',
      );
      expect(await refusal(act(kanim, r.id, { step: 'report', month: '2024-03' }))).toBe('forbidden');
      expect(await refusal(act(partner, r.id, { step: 'report', month: '2024-03' }))).toBe('forbidden');
      expect(await refusal(ctx.db.transaction((tx) => listRefugees(tx, partner)))).toBe('forbidden');
    }));

  it('stamps only the month of the report day, which may not be backdated beyond the grace', async () => {
    const r = await onDay('2024-05-20', () =>
      makeRefugee(ctx.db, rudenim, { firstMonth: '2024-02' }, { birthDate: born() }),
    );
    await onDay('2024-05-20', async () => {
      // Past months cannot be filled in later to clear a streak, neither by month nor by a backdated day.
      expect(await refusal(act(rudenim, r.id, { step: 'report', month: '2024-03', reportedOn: '2024-05-20' }))).toBe(
        'validation_failed',
      );
      expect(await refusal(act(rudenim, r.id, { step: 'report', month: '2024-03', reportedOn: '2024-03-10' }))).toBe(
        'validation_failed',
      );
      expect(await refusal(act(rudenim, r.id, { step: 'report', month: '2024-05', reportedOn: '2024-05-21' }))).toBe(
        'validation_failed',
      );
    });
    await onDay('2024-06-03', async () => {
      await act(rudenim, r.id, { step: 'report', month: '2024-05', reportedOn: '2024-05-31' });
      expect(await refusal(act(rudenim, r.id, { step: 'report', month: '2024-04', reportedOn: '2024-04-30' }))).toBe(
        'validation_failed',
      );
    });
    await onDay('2024-06-06', async () => {
      expect(await refusal(act(rudenim, r.id, { step: 'report', month: '2024-05', reportedOn: '2024-05-31' }))).toBe(
        'validation_failed',
      );
      await act(rudenim, r.id, { step: 'report', month: '2024-06' });
    });
    expect((await reportsOf(r.id)).sort()).toEqual(['2024-05', '2024-06']);
  });

  it('puts a person under oversight once, from a first month neither ahead nor long past', async () => {
    const r = await makeRefugee(ctx.db, rudenim, {}, { birthDate: born() });
    const again = (firstMonth: string) =>
      ctx.db
        .transaction((tx) =>
          registerRefugee(tx, rudenim, {
            foreignerId: r.foreignerId,
            unitCode: 'RUDENIM-KUPANG',
            unhcrStatus: 'refugee',
            unhcrNumber: 'UNHCR-dup',
            shelter: 'Lavender',
            cardNumber: `RUD-${crypto.randomUUID().slice(0, 8)}`,
            firstMonth,
          }),
        )
        .catch((e: { fields?: Record<string, string> }) => e.fields);
    expect(await again(r.firstMonth)).toEqual({ foreignerId: 'detention.v.alreadyRefugee' });
    expect(await again('1999-01')).toEqual({ firstMonth: 'detention.v.firstMonthOutside' });
    expect(await again('2999-01')).toEqual({ firstMonth: 'detention.v.firstMonthOutside' });
    expect(await ctx.db.select().from(refugees).where(eq(refugees.foreignerId, r.foreignerId))).toHaveLength(1);
  });

  it('finds runs of three months in a row without a report', () => {
    expect(missedStreaks('2024-01', '2024-06', new Set(['2024-01', '2024-05']))).toEqual(['2024-02']);
    expect(missedStreaks('2024-11', '2025-01', new Set())).toEqual(['2024-11']);
    expect(missedStreaks('2024-01', '2024-04', new Set(['2024-02']))).toEqual([]);
  });

  it('raises the missed-reports alert once per streak, and none for a refugee no longer overseen', async () => {
    const [r, ended] = await onDay('2023-01-10', async () => {
      const overseen = await makeRefugee(ctx.db, rudenim, {}, { birthDate: born() });
      const gone = await makeRefugee(ctx.db, rudenim, {}, { birthDate: born() });
      await act(rudenim, overseen.id, { step: 'report', month: '2023-01' });
      await act(rudenim, gone.id, { step: 'resettle', on: '2023-01-10' });
      return [overseen, gone];
    });
    const mine = (alerts: Awaited<ReturnType<typeof scan>>) =>
      alerts.filter((a) => [r.id, ended.id].includes(a.subjectId)).map((a) => [a.subjectId, a.kind, a.key]);
    expect(mine(await scan('2023-04-15'))).toEqual([]);
    expect(mine(await scan('2023-05-02'))).toEqual([[r.id, 'missed_reports', '2023-02']]);
    expect(mine(await scan('2023-06-02'))).toEqual([]);
    // The refugee reports again, then misses three more: a new streak, a new alert.
    await onDay('2023-06-03', () => act(rudenim, r.id, { step: 'report', month: '2023-06' }));
    expect(mine(await scan('2023-10-01'))).toEqual([[r.id, 'missed_reports', '2023-07']]);
    expect(
      (await ctx.db.select().from(refugeeActions).where(eq(refugeeActions.refugeeId, ended.id))).map((a) => a.type),
    ).toEqual(['register', 'resettle']);
    expect(await refusal(act(rudenim, ended.id, { step: 'report', month: '2023-03' }))).toBe('invalid_transition');
  });

  it('raises a detainee’s review and the nearing limit once each', async () => {
    const head = await officerCaller(ctx.db, 'head_of_office', 'RUDENIM-KUPANG');
    const d = await makeDetainee(
      ctx.db,
      rudenim,
      { placedOn: '2014-01-01', decisionDate: '2014-01-01', handedOn: '2014-01-01' },
      { birthDate: born() },
    );
    await ctx.db.transaction((tx) =>
      performDetaineeAction(tx, head, d.id, {
        step: 'review',
        on: '2023-06-01',
        note: 'Deportasi belum dapat dilaksanakan',
      }),
    );
    const mine = (alerts: Awaited<ReturnType<typeof scan>>) =>
      alerts.filter((a) => a.subjectId === d.id).map((a) => [a.kind, a.key]);
    // The limit falls on 1 January 2024; the warning 180 days before it, on 5 July 2023.
    expect(mine(await scan('2023-07-04'))).toEqual([]);
    expect(mine(await scan('2023-07-05'))).toEqual([['limit_near', '2024-01-01']]);
    expect(mine(await scan('2023-11-30'))).toEqual([]);
    expect(mine(await scan('2023-12-01'))).toEqual([['review_due', '2023-12-01']]);
    expect(mine(await scan('2023-12-02'))).toEqual([]);
  });

  it('counts refugees by status and nationality without naming anyone', async () => {
    const r = await makeRefugee(
      ctx.db,
      rudenim,
      { unhcrStatus: 'asylum_seeker' },
      { birthDate: born(), nationality: 'PAK' },
    );
    await act(rudenim, r.id, { step: 'abscond', on: '2024-05-01' });
    const rows = await countRefugees(ctx.db, ['RUDENIM-KUPANG']);
    const row = rows.find(
      (x) => x.nationality === 'PAK' && x.status === 'absconded' && x.unhcrStatus === 'asylum_seeker',
    );
    expect(row?.count).toBeGreaterThanOrEqual(1);
    expect(Object.keys(row!).sort()).toEqual(['count', 'nationality', 'status', 'unhcrStatus', 'unitCode']);
  });
});
