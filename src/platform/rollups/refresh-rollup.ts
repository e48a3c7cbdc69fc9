import { and, between, eq } from 'drizzle-orm';
import { addDays, witaDate, type IsoDate } from '../calendar/wita.ts';
import { takeTurn, type Db } from '../db/index.ts';
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
/** Refreshes of one source take turns (the job runs once, but a rebuild by hand or a bench may meet it). */
const REFRESH_LOCK_SPACE = 7450;

/** Counts `source` again over [from, to] and stores it in place of the old counts of those days, in one transaction. */
export async function refreshDays(
  db: Db,
  source: DailySource,
  window: { from: IsoDate; to: IsoDate },
  now: Date,
  rebuild: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    await takeTurn(tx, REFRESH_LOCK_SPACE, source.name);
    const rows = await source.rows(tx, window.from, window.to);
    await tx
      .delete(dailyCounts)
      .where(and(eq(dailyCounts.source, source.name), between(dailyCounts.day, window.from, window.to)));
    for (let i = 0; i < rows.length; i += BATCH)
      await tx.insert(dailyCounts).values(rows.slice(i, i + BATCH).map((r) => ({ source: source.name, ...r })));
    const state = { toDay: window.to, refreshedAt: now, ...(rebuild ? { fromDay: window.from, rebuiltAt: now } : {}) };
    await tx
      .insert(rollupRefreshes)
      // A source first counted over the recent days only is due its rebuild at once.
      .values({
        source: source.name,
        fromDay: window.from,
        toDay: window.to,
        refreshedAt: now,
        rebuiltAt: rebuild ? now : new Date(0),
      })
      .onConflictDoUpdate({ target: rollupRefreshes.source, set: state });
  });
}

/**
 * What the refresh job runs: the last `RECENT_DAYS` days of every source, and every day of three years for the one
 * source whose rebuild is most overdue (never built, or a day old), so that one run never holds the counts back for
 * more than one rebuild. Returns the seconds each source took.
 */
export async function refreshRollups(
  db: Db,
  sources: DailySource[],
  now = new Date(),
): Promise<Record<string, number>> {
  const today = witaDate(now);
  const seconds: Record<string, number> = {};
  const states = new Map((await db.select().from(rollupRefreshes)).map((s) => [s.source, s]));
  const rebuiltAt = (source: DailySource) => states.get(source.name)?.rebuiltAt.getTime() ?? -Infinity;
  const [oldest] = [...sources].sort((a, b) => rebuiltAt(a) - rebuiltAt(b));
  for (const source of sources) {
    const rebuild = source === oldest && now.getTime() - rebuiltAt(source) >= REBUILD_EVERY_MS;
    const from = addDays(today, rebuild ? -REBUILT_DAYS : -RECENT_DAYS);
    const t0 = performance.now();
    await refreshDays(db, source, { from, to: today }, now, rebuild);
    seconds[source.name] = (performance.now() - t0) / 1000;
  }
  return seconds;
}
