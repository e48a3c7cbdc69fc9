import { sql } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';

/**
 * When API tokens were last used (the account page shows it), written in batches: reading a token stays a read, so a
 * stampede of bearer requests (quota release at 08:00) commits no write per request. A token's use is noted when it
 * was never used or not for TOKEN_TOUCH_INTERVAL, and all noted uses are written by one statement at most every
 * `everyMs` and when the server closes. Each process batches its own; a crash loses at most one batch of touches.
 */
export class TokenUses {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: () => Executor,
    private readonly everyMs = 5_000,
  ) {}

  /** A token found by a request: noted only when stale (see tokenActorWith). */
  note(row: { tokenId: string; stale: boolean }): void {
    if (!row.stale) return;
    this.pending.add(row.tokenId);
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.everyMs).unref();
  }

  /** Writes the noted uses now. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending.clear();
    await this.db().execute(
      sql`update api_tokens set last_used_at = now() where id in (select unnest(${`{${ids.join(',')}}`}::uuid[]))`,
    );
  }
}
