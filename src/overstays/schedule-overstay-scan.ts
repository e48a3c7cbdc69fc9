import { and, eq, isNull, ne } from 'drizzle-orm';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { jobs } from '../platform/jobs/schema.ts';

export const OVERSTAY_SCAN_JOB = 'overstays.scan';
/** Just after midnight WITA: the day a permit's holder starts to overstay is counted from its first hour. */
const SCAN_TIME = '00:30';

/** Queues the scan for the next WITA day unless one is already waiting (`except`: the scan now running). */
export async function scheduleOverstayScan(tx: Executor, now = new Date(), except?: number): Promise<void> {
  const waiting = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, OVERSTAY_SCAN_JOB),
        isNull(jobs.doneAt),
        isNull(jobs.failedAt),
        except === undefined ? undefined : ne(jobs.id, except),
      ),
    )
    .limit(1);
  if (waiting.length === 0)
    await enqueueJob(tx, OVERSTAY_SCAN_JOB, {}, { runAt: witaInstant(addDays(witaDate(now), 1), SCAN_TIME) });
}
