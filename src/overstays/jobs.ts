import type { Db } from '../platform/db/index.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import { scanOverstays } from './scan-overstays.ts';
import { OVERSTAY_SCAN_JOB, scheduleOverstayScan } from './schedule-overstay-scan.ts';

/** The daily overstay scan: it runs, then queues itself for the next night. */
export function registerOverstayJobs(jobs: JobRunner, db: Db): void {
  jobs.register(OVERSTAY_SCAN_JOB, async (_payload, job) => {
    await db.transaction(async (tx) => {
      await scanOverstays(tx);
      await scheduleOverstayScan(tx, new Date(), job.id);
    });
  });
}
