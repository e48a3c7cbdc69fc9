import { and, between, eq, inArray, sql } from 'drizzle-orm';
import type { IsoDate } from '../calendar/wita.ts';
import type { Executor } from '../db/index.ts';
import type { DailyRow, DailySource } from './daily-source.ts';
import { dailyCounts, rollupRefreshes } from './schema.ts';

export type UnitKeyCount = Pick<DailyRow, 'unitCode' | 'key' | 'value'>;
export type DailySum = {
  /** One row per unit and key with a count over the period. */
  rows: UnitKeyCount[];
  /** When the counts were made: now when they were computed from the records. */
  asOf: Date;
};

function add(rows: UnitKeyCount[], asOf: Date): DailySum {
  const sums = new Map<string, UnitKeyCount>();
  for (const r of rows) {
    const id = `${r.unitCode}\u0000${r.key}`;
    const sum = sums.get(id);
    if (sum) sum.value += r.value;
    else sums.set(id, { unitCode: r.unitCode, key: r.key, value: r.value });
  }
  return { rows: [...sums.values()], asOf };
}

/**
 * When the source's stored counts may answer for the days [from, to] (they reach from that first day to that last one,
 * and were refreshed at most `maxAgeSeconds` ago), the time they were counted; else null: count the records. Days
 * after the last refresh's day (tomorrow's permits granted ahead) are never stored, so such a period is counted.
 */
export async function storedSince(
  db: Executor,
  source: Pick<DailySource, 'name'>,
  period: { from: IsoDate; to: IsoDate },
  maxAgeSeconds: number,
  now = new Date(),
): Promise<Date | null> {
  if (maxAgeSeconds === 0) return null;
  const [state] = await db.select().from(rollupRefreshes).where(eq(rollupRefreshes.source, source.name));
  const fresh = state && now.getTime() - state.refreshedAt.getTime() <= maxAgeSeconds * 1000;
  return fresh && state.fromDay <= period.from && state.toDay >= period.to ? state.refreshedAt : null;
}

/**
 * A source's counts over [from, to] for the units given, per unit and key: from the stored daily counts when they
 * cover the period and were refreshed at most `maxAgeSeconds` ago, else (an age of 0, a period before the stored
 * days, a refresh that has not run) from the records themselves, which is slower over millions of records but never
 * wrong.
 */
export async function sumDaily(
  db: Executor,
  source: DailySource,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate },
  maxAgeSeconds: number,
  now = new Date(),
): Promise<DailySum> {
  if (q.unitCodes.length === 0) return add([], now);
  const asOf = await storedSince(db, source, q, maxAgeSeconds, now);
  if (asOf) {
    const rows = await db
      .select({
        unitCode: dailyCounts.unitCode,
        key: dailyCounts.key,
        value: sql<number>`sum(${dailyCounts.value})::float8`,
      })
      .from(dailyCounts)
      .where(
        and(
          eq(dailyCounts.source, source.name),
          between(dailyCounts.day, q.from, q.to),
          inArray(dailyCounts.unitCode, [...q.unitCodes]),
        ),
      )
      .groupBy(dailyCounts.unitCode, dailyCounts.key);
    return add(rows, asOf);
  }
  return add(await source.rows(db, q.from, q.to, q.unitCodes), now);
}
