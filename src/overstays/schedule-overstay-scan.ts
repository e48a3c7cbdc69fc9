import { enqueueUnlessWaiting } from '../platform/jobs/enqueue-unless-waiting.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';

export const OVERSTAY_SCAN_JOB = 'overstays.scan';
/** Just after midnight WITA: the day a permit's holder starts to overstay is counted from its first hour. */
const SCAN_TIME = '00:30';

/** Queues the scan for the next WITA day unless one is already waiting (`except`: the scan now running). */
export async function scheduleOverstayScan(tx: Executor, now = new Date(), except?: number): Promise<void> {
  await enqueueUnlessWaiting(tx, OVERSTAY_SCAN_JOB, witaInstant(addDays(witaDate(now), 1), SCAN_TIME), except);
}
