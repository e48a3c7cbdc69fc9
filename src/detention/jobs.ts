import type { Db } from '../platform/db/index.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import { scanDetention } from './scan-detention.ts';
import { DETENTION_SCAN_JOB, scheduleDetentionScan } from './schedule-detention-scan.ts';

/** The daily detention scan: it runs, then queues itself for the next night. */
export function registerDetentionJobs(jobs: JobRunner, db: Db): void {
  jobs.register(DETENTION_SCAN_JOB, async (_payload, job) => {
    await db.transaction(async (tx) => {
      await scanDetention(tx);
      await scheduleDetentionScan(tx, new Date(), job.id);
    });
  });
}
