import type { Db } from '../platform/db/index.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import { ESCALATE_JOB, escalateOverdue, scheduleEscalationScan } from './escalate-overdue.ts';

/** The daily escalation scan: it runs, then queues itself for the next morning. */
export function registerComplaintJobs(jobs: JobRunner, db: Db): void {
  jobs.register(ESCALATE_JOB, async (_payload, job) => {
    await db.transaction(async (tx) => {
      await escalateOverdue(tx);
      await scheduleEscalationScan(tx, new Date(), job.id);
    });
  });
}
