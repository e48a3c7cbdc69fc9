import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, type Db } from '../db/index.ts';
import { safeError } from '../log.ts';
import { jobs } from './schema.ts';

export type JobHandler = (payload: Record<string, unknown>, job: { id: number; attempts: number }) => Promise<void>;

type ClaimedJob = {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
};

/** Seconds to wait before the next try: 10 s, 20 s, 40 s … capped at one hour. */
export const backoffSeconds = (attempts: number) => Math.min(3600, 5 * 2 ** attempts);

/**
 * Runs due jobs inside the server process. Claims use FOR UPDATE SKIP LOCKED, so several processes on one
 * PostgreSQL never take the same job; a claim expires after five minutes in case a process dies mid-job.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly pollMs = 1000,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      this.running = this.runDue()
        .catch((err: unknown) => this.log.error({ err }, 'job runner failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.pollMs);
        });
    };
    tick();
  }

  /** Waits for the batch in hand, then stops polling. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every job due now; returns how many ran. Tests call it directly instead of waiting for the timer. */
  async runDue(batchSize = 20): Promise<number> {
    let ran = 0;
    for (;;) {
      const claimed = await this.claim(batchSize);
      for (const job of claimed) await this.runOne(job);
      ran += claimed.length;
      if (claimed.length < batchSize) return ran;
    }
  }

  private async claim(limit: number): Promise<ClaimedJob[]> {
    // Only kinds this process can run: another version of the server (during a deploy) or another app on the same
    // database may queue kinds unknown here, and claiming them would burn their attempts.
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return [];
    const rows = await queryRows<ClaimedJob>(
      this.db,
      sql`
      update jobs set locked_until = now() + interval '5 minutes', attempts = attempts + 1
      where id in (
        select id from jobs
        where done_at is null and failed_at is null and run_at <= now()
          and (locked_until is null or locked_until < now())
          and kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})
        order by run_at, id limit ${limit}
        for update skip locked)
      returning id, kind, payload, attempts, max_attempts`,
    );
    // node-postgres returns bigint columns as strings.
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  private async runOne(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, { id: job.id, attempts: job.attempts });
      await this.db
        .update(jobs)
        .set({ doneAt: new Date(), lockedUntil: null, lastError: null })
        .where(eq(jobs.id, job.id));
    } catch (err) {
      // The jobs table keeps what a log line may carry: never the failed statement's parameters.
      const message = safeError(err).message;
      const giveUp = job.attempts >= job.max_attempts;
      this.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, giveUp, err }, 'job failed');
      await this.db
        .update(jobs)
        .set({
          lockedUntil: null,
          lastError: message.slice(0, 1000),
          ...(giveUp
            ? { failedAt: new Date() }
            : { runAt: new Date(Date.now() + backoffSeconds(job.attempts) * 1000) }),
        })
        .where(eq(jobs.id, job.id));
    }
  }
}
