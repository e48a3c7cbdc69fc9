import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { enqueueUnlessWaiting } from '../platform/jobs/enqueue-unless-waiting.ts';

export const DETENTION_SCAN_JOB = 'detention.scan';
/** Early morning WITA, before the Rudenim's day shift reads its alerts. */
const SCAN_TIME = '01:00';

/** Queues the scan for the next WITA day unless one is already waiting (`except`: the scan now running). */
export async function scheduleDetentionScan(tx: Executor, now = new Date(), except?: number): Promise<void> {
  await enqueueUnlessWaiting(tx, DETENTION_SCAN_JOB, witaInstant(addDays(witaDate(now), 1), SCAN_TIME), except);
}
