import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { addDays, witaDate, witaInstant, type IsoDate } from '../calendar/wita.ts';
import { queryRows, type Executor } from '../db/index.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { DailyRow, DailySource } from './daily-source.ts';
import { refreshRollups, RECENT_DAYS, REBUILT_DAYS } from './refresh-rollup.ts';
import { rollupRefreshes } from './schema.ts';
import { sumDaily, type DailySum } from './sum-daily.ts';

// A source over the platform's own jobs table: jobs of a kind no runner has, counted per day they are due.
function jobSource(kind: string): DailySource {
  return {
    name: `test.${kind}`,
    rows: (db: Executor, from: IsoDate, to: IsoDate, unitCodes?: readonly string[]) =>
      queryRows<DailyRow>(
        db,
        sql`select to_char((run_at at time zone 'Asia/Makassar')::date, 'YYYY-MM-DD') as day,
            payload->>'unit' as "unitCode", payload->>'key' as key, count(*)::int as value
          from jobs where kind = ${kind}
            and run_at >= ${witaInstant(from)} and run_at < ${witaInstant(addDays(to, 1))}
            ${unitCodes ? sql`and payload->>'unit' in ${unitCodes}` : sql``}
          group by 1, 2, 3`,
      ),
  };
}

/** A sum's total, and its values per key and per unit. */
function totals({ rows }: DailySum) {
  const byKey: Record<string, number> = {};
  const byUnit: Record<string, number> = {};
  for (const r of rows) {
    byKey[r.key] = (byKey[r.key] ?? 0) + r.value;
    byUnit[r.unitCode] = (byUnit[r.unitCode] ?? 0) + r.value;
  }
  return { total: rows.reduce((n, r) => n + r.value, 0), byKey, byUnit };
}
const total = (sum: DailySum) => totals(sum).total;
const sorted = (sum: DailySum) =>
  [...sum.rows].sort((a, b) => `${a.unitCode} ${a.key}`.localeCompare(`${b.unitCode} ${b.key}`));

describeDb('daily counts computed ahead', (ctx) => {
  it('answers from the stored counts while fresh, from the records when stale, and catches old changes at the rebuild', async () => {
    const kind = `rollup-${crypto.randomUUID().slice(0, 8)}`;
    const source = jobSource(kind);
    const now = new Date();
    const today = witaDate(now);
    const record = (day: IsoDate, unit: string, key: string) =>
      enqueueJob(ctx.db, kind, { unit, key }, { runAt: witaInstant(day, '10:00') });
    const yesterday = addDays(today, -1);
    await record(yesterday, 'A', 'x');
    await record(yesterday, 'A', 'x');
    await record(yesterday, 'B', 'y');
    await record(today, 'A', 'y');
    const year = { unitCodes: ['A', 'B'], from: addDays(today, -364), to: today };
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

    const live = await sumDaily(ctx.db, source, year, 0, now);
    expect(totals(live)).toEqual({ total: 4, byKey: { x: 2, y: 2 }, byUnit: { A: 3, B: 1 } });
    expect(total(await sumDaily(ctx.db, source, { ...year, unitCodes: ['B'] }, 0, now))).toBe(1);

    await refreshRollups(ctx.db, [source], now);
    const stored = await sumDaily(ctx.db, source, year, 300, at(10));
    expect(stored.asOf).toEqual(now);
    expect(sorted(stored)).toEqual(sorted(live));
    expect(total(await sumDaily(ctx.db, source, { ...year, unitCodes: ['B'] }, 300, at(10)))).toBe(1);

    // A new record shows at the next refresh, not before.
    await record(today, 'B', 'x');
    expect(total(await sumDaily(ctx.db, source, year, 300, at(60)))).toBe(4);
    await refreshRollups(ctx.db, [source], at(120));
    expect(total(await sumDaily(ctx.db, source, year, 300, at(130)))).toBe(5);

    // A record older than the recent days waits for the daily rebuild; a stale rollup is not read at all.
    await record(addDays(today, -(RECENT_DAYS + 10)), 'A', 'x');
    await refreshRollups(ctx.db, [source], at(240));
    expect(total(await sumDaily(ctx.db, source, year, 300, at(250)))).toBe(5);
    expect(total(await sumDaily(ctx.db, source, year, 300, at(541)))).toBe(6);
    await refreshRollups(ctx.db, [source], at(25 * 3600));
    expect(total(await sumDaily(ctx.db, source, year, 300, at(25 * 3600 + 1)))).toBe(6);

    // Several sources: each run rebuilds only the one whose rebuild is most overdue, the others their recent days.
    const other = jobSource(`${kind}-other`);
    await record(addDays(today, -(RECENT_DAYS + 10)), 'A', 'x');
    await refreshRollups(ctx.db, [source, other], at(26 * 3600));
    const [otherState] = await ctx.db.select().from(rollupRefreshes).where(eq(rollupRefreshes.source, other.name));
    expect(otherState).toMatchObject({
      fromDay: addDays(witaDate(at(26 * 3600)), -REBUILT_DAYS),
      rebuiltAt: at(26 * 3600),
    });
    expect(total(await sumDaily(ctx.db, source, year, 300, at(26 * 3600 + 1)))).toBe(6);
    await refreshRollups(ctx.db, [source, other], at(27 * 3600));
    expect(total(await sumDaily(ctx.db, source, year, 300, at(27 * 3600 + 1)))).toBe(6);
    await refreshRollups(ctx.db, [source, other], at(49 * 3600));
    expect(total(await sumDaily(ctx.db, source, year, 300, at(49 * 3600 + 1)))).toBe(7);

    // A period reaching past the last refresh's day (records dated ahead) is counted from the records.
    await record(addDays(witaDate(at(49 * 3600)), 3), 'A', 'x');
    const ahead = { ...year, to: addDays(witaDate(at(49 * 3600)), 10) };
    expect(total(await sumDaily(ctx.db, source, ahead, 300, at(49 * 3600 + 2)))).toBe(8);

    // A period before the stored days is counted from the records.
    const old = { unitCodes: ['A'], from: addDays(today, -5 * 366), to: addDays(today, -4 * 366) };
    await record(addDays(today, -4 * 366 - 3), 'A', 'x');
    expect(total(await sumDaily(ctx.db, source, old, 300, at(25 * 3600 + 2)))).toBe(1);
  });
});
