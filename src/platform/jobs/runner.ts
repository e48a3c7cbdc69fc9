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
  run_at: Date | string;
};

/** Seconds to wait before the next try: 10 s, 20 s, 40 s … capped at one hour. */
export const backoffSeconds = (attempts: number) => Math.min(3600, 5 * 2 ** attempts);

/** How long a claim holds before another process may take the job, in case the claiming process died. */
const CLAIM_MS = 5 * 60_000;

/** Jobs claimed at a time. */
const BATCH_SIZE = 20;

/** The longest background jobs wait in a row for a burst of requests to pass (see yieldWhile). */
const MAX_YIELD_MS = 30_000;

/**
 * Runs due jobs inside the server process. Claims use FOR UPDATE SKIP LOCKED, so several processes on one
 * PostgreSQL never take the same job; a claim expires after `claimMs` in case a process dies mid-job. While a job
 * runs its claim is renewed, and a job of a batch whose claim has grown old is renewed before it starts (or left, if
 * another process took it meanwhile), so a long job or a long batch never runs twice in two processes.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  private busy: () => boolean = () => false;
  private yieldedSince: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly pollMs = 1000,
    private readonly claimMs = CLAIM_MS,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /**
   * Polls wait while `busy` says the process is serving a burst (the 08:00 quota release): jobs are due "from" their
   * time, the requests are people waiting. A poll waits at most MAX_YIELD_MS in a row, so a long peak still runs them.
   */
  yieldWhile(busy: () => boolean): void {
    this.busy = busy;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.givingWay()) {
        this.timer = setTimeout(tick, this.pollMs);
        return;
      }
      // A poll after MAX_YIELD_MS of giving way runs everything due, however busy; the next gives way again.
      const forced = this.yieldedSince !== null;
      this.yieldedSince = null;
      this.running = this.runDue(BATCH_SIZE, () => this.stopped || (!forced && this.givingWay()))
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

  /** Whether to leave due jobs for now: a burst is being served, and the jobs have not yet waited MAX_YIELD_MS. */
  private givingWay(): boolean {
    if (!this.busy()) {
      this.yieldedSince = null;
      return false;
    }
    this.yieldedSince ??= Date.now();
    return Date.now() - this.yieldedSince < MAX_YIELD_MS;
  }

  /**
   * Runs every job due now; returns how many ran. Tests call it directly instead of waiting for the timer. `pause`
   * is asked before each further batch: the poll that began in a quiet moment stops when a burst begins (the
   * confirmation mails of the bookings made so far would otherwise be written while the rest of the burst waits).
   */
  async runDue(batchSize = BATCH_SIZE, pause: () => boolean = () => false): Promise<number> {
    let ran = 0;
    for (;;) {
      const claimedAt = Date.now();
      const claimed = await this.claim(batchSize);
      for (const job of claimed) {
        // A third of the claim gone: renew it first, unless another process has taken the job since.
        if (Date.now() - claimedAt > this.claimMs / 3 && !(await this.renewClaim(job))) continue;
        await this.runOne(job);
      }
      ran += claimed.length;
      if (claimed.length < batchSize || pause()) return ran;
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
      update jobs set locked_until = now() + ${this.claimMs}::float8 * interval '1 millisecond', attempts = attempts + 1
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
      returning id, kind, payload, attempts, max_attempts, run_at`,
    );
    // node-postgres returns bigint columns as strings. RETURNING keeps no order: run them in the order they fell due.
    const due = (r: ClaimedJob) => new Date(r.run_at).getTime();
    return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => due(a) - due(b) || a.id - b.id);
  }

  /** Extends this process's claim on the job; false when it no longer holds it (another claim counted an attempt). */
  private async renewClaim(job: ClaimedJob): Promise<boolean> {
    const rows = await queryRows<{ id: number }>(
      this.db,
      sql`update jobs set locked_until = now() + ${this.claimMs}::float8 * interval '1 millisecond'
        where id = ${job.id} and attempts = ${job.attempts} and done_at is null and failed_at is null
        returning id`,
    );
    return rows.length > 0;
  }

  private async runOne(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const renewing = setInterval(() => {
      this.renewClaim(job).catch((err: unknown) => this.log.warn({ jobId: job.id, err }, 'job claim not renewed'));
    }, this.claimMs / 3);
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
    } finally {
      clearInterval(renewing);
    }
  }
}
