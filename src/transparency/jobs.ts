import { witaDate } from '../platform/calendar/wita.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import { refreshReport, REFRESH_REPORTS_JOB, scheduleReportRefresh, type ReportDatabases } from './published-report.ts';

/**
 * Recomputes the current year's published report (counted where reports read, stored on the primary), having first
 * queued the next run so that a failure cannot stop it.
 */
export function registerTransparencyJobs(jobs: JobRunner, dbs: ReportDatabases, maxAgeSeconds: number): void {
  jobs.register(REFRESH_REPORTS_JOB, async (_payload, job) => {
    // A server that computes figures per request has nothing to refresh (another server may have queued this run).
    if (maxAgeSeconds === 0) return;
    const now = new Date();
    await scheduleReportRefresh(dbs.write, maxAgeSeconds, now, job.id);
    await refreshReport(dbs, Number(witaDate(now).slice(0, 4)), now);
  });
}
