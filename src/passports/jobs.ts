import type { Db } from '../platform/db/index.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import { VOID_JOB, voidUncollected } from './void-uncollected.ts';

export function registerPassportJobs(jobs: JobRunner, db: Db): void {
  jobs.register(VOID_JOB, async (payload) => {
    await db.transaction((tx) => voidUncollected(tx, String(payload.passportNumber)));
  });
}
