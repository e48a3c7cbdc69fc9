import { and, eq, isNull, lt, ne } from 'drizzle-orm';
import { takeTurn, type Executor } from '../db/index.ts';
import { enqueueJob } from './enqueue-job.ts';
import { jobs } from './schema.ts';

/** The lock space in which the schedulers of one job kind take turns (takeTurn). */
const SCHEDULE_LOCK_SPACE = 7460;

/**
 * Queues a recurring job's next run unless one of its kind is already waiting: a daily scan reschedules itself from
 * inside its own run (`except`: the job now running, still not done) and is started at boot, so it never runs twice.
 * Schedulers of one kind take turns until their transaction ends: several processes starting at once (`serve
 * --workers`, replicas) would otherwise each find none waiting and each queue one.
 */
export async function enqueueUnlessWaiting(
  executor: Executor,
  kind: string,
  runAt: Date,
  except?: number,
): Promise<void> {
  await executor.transaction(async (tx) => {
    await takeTurn(tx, SCHEDULE_LOCK_SPACE, kind);
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
  });
}

/**
 * Queues the next run of a job that refreshes figures computed ahead, after four fifths of the age they may have, so
 * that a reader finds them younger than that even while a refresh runs; none when figures are computed per request.
 */
export async function scheduleRefresh(
  tx: Executor,
  kind: string,
  maxAgeSeconds: number,
  now = new Date(),
  except?: number,
): Promise<void> {
  if (maxAgeSeconds === 0) return;
  const runAt = new Date(now.getTime() + Math.max(1, Math.floor(maxAgeSeconds * 0.8)) * 1000);
  await enqueueUnlessWaiting(tx, kind, runAt, except);
}

/** Deletes a recurring job's finished runs older than `before`: one that runs every few seconds would fill the table. */
export async function forgetDoneRuns(executor: Executor, kind: string, before: Date): Promise<void> {
  await executor.delete(jobs).where(and(eq(jobs.kind, kind), lt(jobs.doneAt, before)));
}
