import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { addDays, witaDate, witaInstant, type IsoDate } from '../calendar/wita.ts';
import { queryRows, type Executor } from '../db/index.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { DailyRow, DailySource } from './daily-source.ts';
import { refreshRollups, RECENT_DAYS } from './refresh-rollup.ts';
import { sumDaily } from './sum-daily.ts';

// A source over the platform's own jobs table: jobs of a kind no runner has, counted per day they are due.
function jobSource(kind: string): DailySource {
  return {
    name: `test.${kind}`,
    rows: (db: Executor, from: IsoDate, to: IsoDate) =>
      queryRows<DailyRow>(
        db,
        sql`select to_char((run_at at time zone 'Asia/Makassar')::date, 'YYYY-MM-DD') as day,
            payload->>'unit' as "unitCode", payload->>'key' as key, count(*)::int as value
          from jobs where kind = ${kind}
            and run_at >= ${witaInstant(from)} and run_at < ${witaInstant(addDays(to, 1))}
          group by 1, 2, 3`,
      ),
  };
}

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
    expect(live).toMatchObject({ total: 4, byKey: { x: 2, y: 2 }, byUnit: { A: 3, B: 1 } });
    expect((await sumDaily(ctx.db, source, { ...year, unitCodes: ['B'] }, 0, now)).total).toBe(1);

    await refreshRollups(ctx.db, [source], now);
    const stored = await sumDaily(ctx.db, source, year, 300, at(10));
    expect(stored).toEqual({ ...live, asOf: now });

    // A new record shows at the next refresh, not before.
    await record(today, 'B', 'x');
    expect((await sumDaily(ctx.db, source, year, 300, at(60))).total).toBe(4);
    await refreshRollups(ctx.db, [source], at(120));
    expect((await sumDaily(ctx.db, source, year, 300, at(130))).total).toBe(5);

    // A record older than the recent days waits for the daily rebuild; a stale rollup is not read at all.
    await record(addDays(today, -(RECENT_DAYS + 10)), 'A', 'x');
    await refreshRollups(ctx.db, [source], at(240));
    expect((await sumDaily(ctx.db, source, year, 300, at(250))).total).toBe(5);
    expect((await sumDaily(ctx.db, source, year, 300, at(541))).total).toBe(6);
    await refreshRollups(ctx.db, [source], at(25 * 3600));
    expect((await sumDaily(ctx.db, source, year, 300, at(25 * 3600 + 1))).total).toBe(6);

    // A period before the stored days is counted from the records.
    const old = { unitCodes: ['A'], from: addDays(today, -5 * 366), to: addDays(today, -4 * 366) };
    await record(addDays(today, -4 * 366 - 3), 'A', 'x');
    expect((await sumDaily(ctx.db, source, old, 300, at(25 * 3600 + 2))).total).toBe(1);
  });
});
