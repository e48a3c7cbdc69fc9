import { witaDate } from '../platform/calendar/wita.ts';
import type { App } from '../platform/http/server.ts';
import { NOTICE_JOB, scheduleEndNotices, sendPermitEndNotices } from './send-permit-end-notices.ts';

/**
 * The daily notices before permits end: each run mails, then queues the next morning's in the same transaction; the
 * first is queued at start when none waits, so a new installation begins the next morning.
 */
export async function registerStayPermitJobs(app: App): Promise<void> {
  const db = app.deps.database.db;
  const { publicUrl } = app.deps.config;
  app.deps.jobs.register(NOTICE_JOB, async (_payload, job) => {
    await db.transaction(async (tx) => {
      const today = witaDate();
      await sendPermitEndNotices(tx, today, { publicUrl });
      await scheduleEndNotices(tx, today, job.id);
    });
  });
  await db.transaction((tx) => scheduleEndNotices(tx, witaDate()));
}
