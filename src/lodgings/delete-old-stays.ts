import { sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { queryRows, type Db } from '../platform/db/index.ts';

/** Rows per transaction: small enough that no lock or WAL burst is held long, large enough to finish a backlog fast. */
export const RETENTION_BATCH = 5000;

/**
 * Deletes the stays that ended (checked out, or checked in and never checked out) more than `retentionDays` before
 * WITA today, with their notices, in batches of their own transactions so that a backlog of a million rows never
 * holds one huge transaction; then one audit entry with the count. Returns the count.
 */
export async function deleteOldStays(
  db: Db,
  retentionDays: number,
  now = new Date(),
  batchSize = RETENTION_BATCH,
): Promise<number> {
  const before = witaInstant(addDays(witaDate(now), -retentionDays));
  let deleted = 0;
  for (;;) {
    const rows = await db.transaction((tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`delete from stays where id in (
          select id from stays where coalesce(check_out_at, check_in_at) < ${before.toISOString()}::timestamptz
          limit ${batchSize})
        returning id`,
      ),
    );
    deleted += rows.length;
    if (rows.length < batchSize) break;
  }
  await db.transaction((tx) =>
    appendAudit(tx, systemCaller('lodgings.retention'), {
      action: 'lodging.staysDeleted',
      targetType: 'stay',
      details: { count: deleted, endedBefore: before.toISOString(), retentionDays },
    }),
  );
  return deleted;
}
