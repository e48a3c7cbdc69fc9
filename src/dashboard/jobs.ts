import type { Db, Executor } from '../platform/db/index.ts';
import { scheduleRefresh } from '../platform/jobs/enqueue-unless-waiting.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import { refreshRollups } from '../platform/rollups/refresh-rollup.ts';
import { dailySources } from './figures.ts';

export const REFRESH_COUNTS_JOB = 'dashboard.refresh_counts';

/** Queues the next refresh of the dashboard's daily counts (see `scheduleRefresh`). */
export const scheduleCountsRefresh = (tx: Executor, maxAgeSeconds: number, now = new Date(), except?: number) =>
  scheduleRefresh(tx, REFRESH_COUNTS_JOB, maxAgeSeconds, now, except);

/** Refreshes the daily counts, having first queued the next run so that a failure cannot stop the chain. */
export function registerDashboardJobs(jobs: JobRunner, db: Db, maxAgeSeconds: number): void {
  jobs.register(REFRESH_COUNTS_JOB, async (_payload, job) => {
    // A server that counts per request has nothing to refresh (another server may have queued this run).
    if (maxAgeSeconds === 0) return;
    const now = new Date();
    await scheduleCountsRefresh(db, maxAgeSeconds, now, job.id);
    await refreshRollups(db, dailySources, now);
  });
}
