import { and, between, eq } from 'drizzle-orm';
import { addDays, witaDate, type IsoDate } from '../calendar/wita.ts';
import type { Db } from '../db/index.ts';
import type { DailySource } from './daily-source.ts';
import { dailyCounts, rollupRefreshes } from './schema.ts';

/**
 * The days counted again on every refresh: records change mostly in their first weeks (a case completes, a code is
 * paid, a tip is closed); a change older than this waits for the daily rebuild.
 */
export const RECENT_DAYS = 45;
/** The days a daily rebuild counts: enough for a period of up to two years and the same period a year before. */
export const REBUILT_DAYS = 3 * 366;
const REBUILD_EVERY_MS = 24 * 3_600_000;
const BATCH = 5_000;

/** Counts `source` again over [from, to] and stores it in place of the old counts of those days, in one transaction. */
export async function refreshDays(
  db: Db,
  source: DailySource,
  window: { from: IsoDate; to: IsoDate },
  now: Date,
  rebuild: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await source.rows(tx, window.from, window.to);
    await tx
      .delete(dailyCounts)
      .where(and(eq(dailyCounts.source, source.name), between(dailyCounts.day, window.from, window.to)));
    for (let i = 0; i < rows.length; i += BATCH)
      await tx.insert(dailyCounts).values(rows.slice(i, i + BATCH).map((r) => ({ source: source.name, ...r })));
    const state = { toDay: window.to, refreshedAt: now, ...(rebuild ? { fromDay: window.from, rebuiltAt: now } : {}) };
    await tx
      .insert(rollupRefreshes)
      .values({ source: source.name, fromDay: window.from, toDay: window.to, refreshedAt: now, rebuiltAt: now })
      .onConflictDoUpdate({ target: rollupRefreshes.source, set: state });
  });
}

/**
 * What the refresh job runs for each source: every day of the last three years once a day (and the first time), the
 * last `RECENT_DAYS` days otherwise. Returns the seconds each source took.
 */
export async function refreshRollups(
  db: Db,
  sources: DailySource[],
  now = new Date(),
): Promise<Record<string, number>> {
  const today = witaDate(now);
  const seconds: Record<string, number> = {};
  const states = new Map((await db.select().from(rollupRefreshes)).map((s) => [s.source, s]));
  for (const source of sources) {
    const state = states.get(source.name);
    const rebuild = !state || now.getTime() - state.rebuiltAt.getTime() >= REBUILD_EVERY_MS;
    const from = addDays(today, rebuild ? -REBUILT_DAYS : -RECENT_DAYS);
    const t0 = performance.now();
    await refreshDays(db, source, { from, to: today }, now, rebuild);
    seconds[source.name] = (performance.now() - t0) / 1000;
  }
  return seconds;
}
