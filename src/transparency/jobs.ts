import { witaDate } from '../platform/calendar/wita.ts';
import type { Db } from '../platform/db/index.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import { refreshReport, REFRESH_REPORTS_JOB, scheduleReportRefresh } from './published-report.ts';

/** Recomputes the current year's published report, having first queued the next run so that a failure cannot stop it. */
export function registerTransparencyJobs(jobs: JobRunner, db: Db, maxAgeSeconds: number): void {
  jobs.register(REFRESH_REPORTS_JOB, async (_payload, job) => {
    // A server that computes figures per request has nothing to refresh (another server may have queued this run).
    if (maxAgeSeconds === 0) return;
    const now = new Date();
    await scheduleReportRefresh(db, maxAgeSeconds, now, job.id);
    await refreshReport(db, Number(witaDate(now).slice(0, 4)), now);
  });
}
