import { eq, sql } from 'drizzle-orm';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { scheduleRefresh } from '../platform/jobs/enqueue-unless-waiting.ts';
import { transparencySnapshots } from './schema.ts';
import { transparencyReport, type TransparencyReport } from './transparency-report.ts';

export type PublishedReport = TransparencyReport & { computedAt: Date };

export const REFRESH_REPORTS_JOB = 'transparency.refresh';

/** Where the published report is read and computed (a standby may do both) and where a fresh one is stored. */
export type ReportDatabases = { read: Executor; write: Executor };

/** A past year's records change rarely (a late correction), so its stored report may be a day old. */
const PAST_YEAR_MAX_AGE_SECONDS = 86_400;

/**
 * The year's report as published: the stored one while it is at most `maxAgeSeconds` old (a day for past years),
 * else computed now and stored (the refresh job keeps the current year fresh, so this is the first visit to a past
 * year that day). With an age of 0 it is computed on every call and nothing is stored.
 */
export async function publishedReport(
  { read, write }: ReportDatabases,
  year: number,
  maxAgeSeconds: number,
  now = new Date(),
): Promise<PublishedReport> {
  if (maxAgeSeconds === 0) return { ...(await transparencyReport(read, year, now)), computedAt: now };
  const [stored] = await read.select().from(transparencySnapshots).where(eq(transparencySnapshots.year, year));
  const maxAge =
    year < Number(witaDate(now).slice(0, 4)) ? Math.max(maxAgeSeconds, PAST_YEAR_MAX_AGE_SECONDS) : maxAgeSeconds;
  if (stored && now.getTime() - stored.computedAt.getTime() <= maxAge * 1000)
    return { ...(stored.report as TransparencyReport), computedAt: stored.computedAt };
  return refreshReport({ read, write }, year, now);
}

/** Computes the year's report and stores it as the published one. */
export async function refreshReport(
  { read, write }: ReportDatabases,
  year: number,
  now = new Date(),
): Promise<PublishedReport> {
  const report = await transparencyReport(read, year, now);
  await write
    .insert(transparencySnapshots)
    .values({ year, computedAt: now, report })
    .onConflictDoUpdate({ target: transparencySnapshots.year, set: { computedAt: now, report: sql`excluded.report` } });
  return { ...report, computedAt: now };
}

/** Queues the next refresh of the current year's report (see `scheduleRefresh`). */
export const scheduleReportRefresh = (tx: Executor, maxAgeSeconds: number, now = new Date(), except?: number) =>
  scheduleRefresh(tx, REFRESH_REPORTS_JOB, maxAgeSeconds, now, except);
