import crypto from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { preparedRows, type Db } from '../db/index.ts';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;
type Pending = { windowMs: number; callbacks: Callback[] };

/** How often a process deletes the rows whose window has ended. */
const SWEEP_MS = 60_000;
/** At most one warning a minute while the database cannot count (a stampede would otherwise log per request). */
const WARN_MS = 60_000;

/**
 * Rate-limit counts in the database, so that every process behind one proxy counts against the same limit.
 *
 * The increments asked for during one turn of the event loop (every request read in one poll phase) go to the
 * database in one statement, one row per key, the keys in order so that two processes' statements lock rows in the
 * same order and never deadlock; a key asked for k times in the batch is raised by k and its callers get the k
 * counts in turn, as if they had come one by one. Under a stampede a limit costs a fraction of a round trip per
 * request.
 *
 * When the statement fails (the database is unreachable or overloaded), requests are not refused with a 500: the
 * limits are counted in this process's memory until the database answers again (per process, so N processes
 * allow N times the limit meanwhile; the requests themselves will mostly meet the database's 503 anyway), and one
 * warning a minute says so, without keys (they derive from addresses and accounts).
 */
export class RateLimitCounter {
  private pending = new Map<string, Pending>();
  private scheduled = false;
  private lastSweep = Date.now();
  private lastWarning = 0;
  private readonly fallback = new Map<string, { count: number; expiresAt: number }>();
  /** Statements sent so far (tests prove the batching by it). */
  statements = 0;

  constructor(
    private readonly db: () => Db,
    private readonly log: Logger,
  ) {}

  add(key: string, windowMs: number, callback: Callback): void {
    const pending = this.pending.get(key);
    if (pending) pending.callbacks.push(callback);
    else this.pending.set(key, { windowMs, callbacks: [callback] });
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: it runs after every I/O callback of this poll phase, i.e. every request read.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    const keys = [...batch.keys()].sort();
    const rows = keys.map((k) => ({ k, n: batch.get(k)!.callbacks.length, ms: batch.get(k)!.windowMs }));
    this.statements++;
    try {
      const counted = await preparedRows<{ key: string; count: number; ttl_ms: number }>(
        this.db(),
        'rate_limit_incr',
        sql`insert into rate_limit_hits as h (key, window_start, expires_at, count)
          select b.k, now(), now() + b.ms * interval '1 millisecond', b.n
          from json_to_recordset(${JSON.stringify(rows)}::json) as b(k text, n int, ms int)
          order by b.k
          on conflict (key) do update set
            window_start = case when h.expires_at <= now() then excluded.window_start else h.window_start end,
            count = case when h.expires_at <= now() then excluded.count else h.count + excluded.count end,
            expires_at = case when h.expires_at <= now() then excluded.expires_at else h.expires_at end
          returning h.key, h.count, greatest(0, ceil(extract(epoch from h.expires_at - now()) * 1000))::int as ttl_ms`,
      );
      for (const row of counted) {
        const { callbacks } = batch.get(row.key)!;
        const first = row.count - callbacks.length + 1;
        callbacks.forEach((callback, i) => callback(null, { current: first + i, ttl: row.ttl_ms }));
      }
    } catch (err) {
      this.countInMemory(batch, err);
    }
    this.sweep();
  }

  private countInMemory(batch: Map<string, Pending>, err: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning >= WARN_MS) {
      this.lastWarning = now;
      this.log.warn({ err }, 'rate limits counted in this process only: the database did not count them');
    }
    if (this.fallback.size > 10_000) {
      for (const [key, entry] of this.fallback) if (entry.expiresAt <= now) this.fallback.delete(key);
    }
    for (const [key, { windowMs, callbacks }] of batch) {
      let entry = this.fallback.get(key);
      if (!entry || entry.expiresAt <= now) this.fallback.set(key, (entry = { count: 0, expiresAt: now + windowMs }));
      for (const callback of callbacks) callback(null, { current: ++entry.count, ttl: entry.expiresAt - now });
    }
  }

  /** Deletes the rows whose window has ended, at most once a minute per process; a failure waits for the next. */
  private sweep(): void {
    if (Date.now() - this.lastSweep < SWEEP_MS) return;
    this.lastSweep = Date.now();
    this.statements++;
    this.db()
      .execute(sql`delete from rate_limit_hits where expires_at < now()`)
      .catch(() => undefined);
  }
}

/** A route's key and the client's (address or account), hashed: the table never holds either. */
const rowKey = (prefix: string, key: string) =>
  crypto.createHash('sha256').update(prefix).update(key).digest('base64url').slice(0, 32);

/** @fastify/rate-limit's custom store (`store` option: a class; each route's limit gets a `child`) over a counter. */
export function databaseRateLimitStore(counter: RateLimitCounter): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      counter.add(rowKey(this.prefix, key), timeWindow, callback);
    }

    child(options: unknown): FastifyRateLimitStore {
      // The plugin hands the route in `routeInfo` (its typings name other fields).
      const route = (options as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new DatabaseRateLimitStore(undefined, `${String(route?.method)} ${String(route?.url)}\n`);
    }
  }
  return DatabaseRateLimitStore;
}
