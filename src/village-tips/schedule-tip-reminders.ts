import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { enqueueUnlessWaiting } from '../platform/jobs/enqueue-unless-waiting.ts';

export const TIP_REMINDER_JOB = 'village_tips.remind_overdue';
/** The daily scan runs at this WITA hour, before the offices open (as complaints' escalation scan). */
const SCAN_TIME = '06:00';

/** Queues the daily scan for the next morning unless one is already waiting (`except`: the scan now running). */
export async function scheduleTipReminders(tx: Executor, now = new Date(), except?: number): Promise<void> {
  await enqueueUnlessWaiting(tx, TIP_REMINDER_JOB, witaInstant(addDays(witaDate(now), 1), SCAN_TIME), except);
}
