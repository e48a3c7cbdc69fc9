import type { Db } from '../platform/db/index.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import { remindOverdueTips } from './remind-overdue-tips.ts';
import { scheduleTipReminders, TIP_REMINDER_JOB } from './schedule-tip-reminders.ts';

/** The daily reminder of overdue tips: it runs, then queues itself for the next morning. */
export function registerTipJobs(jobs: JobRunner, db: Db): void {
  jobs.register(TIP_REMINDER_JOB, async (_payload, job) => {
    await db.transaction(async (tx) => {
      await remindOverdueTips(tx);
      await scheduleTipReminders(tx, new Date(), job.id);
    });
  });
}
