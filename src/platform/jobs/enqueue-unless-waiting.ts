import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { enqueueJob } from './enqueue-job.ts';
import { jobs } from './schema.ts';

/**
 * Queues a recurring job's next run unless one of its kind is already waiting: a daily scan reschedules itself from
 * inside its own run (`except`: the job now running, still not done) and is started at boot, so it never runs twice.
 */
export async function enqueueUnlessWaiting(tx: Executor, kind: string, runAt: Date, except?: number): Promise<void> {
  const waiting = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, kind),
        isNull(jobs.doneAt),
        isNull(jobs.failedAt),
        except === undefined ? undefined : ne(jobs.id, except),
      ),
    )
    .limit(1);
  if (waiting.length === 0) await enqueueJob(tx, kind, {}, { runAt });
}
