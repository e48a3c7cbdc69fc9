import { enqueueUnlessWaiting } from '../platform/jobs/enqueue-unless-waiting.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import type { Db, Executor } from '../platform/db/index.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import type { ForeignerReference } from '../foreigners/delete-unreferenced-foreigners.ts';
import { deleteOldStays } from './delete-old-stays.ts';
import { flagStays } from './flag-stays.ts';

export const FLAG_JOB = 'lodgings.flags';
export const RETENTION_JOB = 'lodgings.retention';
/**
 * WITA times: flags before the offices open (so the day's list is ready), after the 24-hour check-in window of the
 * night's arrivals has mostly passed; the deletion at night, when nobody reads.
 */
const DAILY_AT: Record<string, string> = { [FLAG_JOB]: '07:00', [RETENTION_JOB]: '02:00' };

/** Queues the daily job for its next time unless one is already waiting (`except`: the run now going). */
export async function scheduleDaily(tx: Executor, kind: string, now = new Date(), except?: number): Promise<void> {
  const today = witaDate(now);
  const at = witaInstant(today, DAILY_AT[kind]);
  await enqueueUnlessWaiting(tx, kind, at > now ? at : witaInstant(addDays(today, 1), DAILY_AT[kind]), except);
}

/**
 * The daily flags and retention runs: each runs, then queues itself for the next day. `references`: what names a
 * person outside the register, so that retention keeps them (src/foreigner-references.ts).
 */
export async function registerLodgingOversightJobs(
  runner: JobRunner,
  db: Db,
  retention: { days: number; references: readonly ForeignerReference[] },
): Promise<void> {
  runner.register(FLAG_JOB, async (_payload, job) => {
    await db.transaction(async (tx) => {
      await flagStays(tx);
      await scheduleDaily(tx, FLAG_JOB, new Date(), job.id);
    });
  });
  runner.register(RETENTION_JOB, async (_payload, job) => {
    await deleteOldStays(db, retention.days, retention.references);
    await scheduleDaily(db, RETENTION_JOB, new Date(), job.id);
  });
  await db.transaction(async (tx) => {
    await scheduleDaily(tx, FLAG_JOB);
    await scheduleDaily(tx, RETENTION_JOB);
  });
}
