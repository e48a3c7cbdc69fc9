import { sql } from 'drizzle-orm';
import { deleteUnreferencedForeigners, type ForeignerReference } from '../foreigners/delete-unreferenced-foreigners.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { queryRows, type Db } from '../platform/db/index.ts';

/** Rows per transaction: small enough that no lock or WAL burst is held long, large enough to finish a backlog fast. */
export const RETENTION_BATCH = 5000;

/**
 * Deletes the stays that ended (checked out, or checked in and never checked out) more than `retentionDays` before
 * WITA today, with their notices, and the people known only from them (their identity and documents: nothing else
 * names them, by `references`, every feature's condition from src/foreigner-references.ts), in batches of their own
 * transactions so that a backlog of a million rows never holds one huge transaction; then one audit entry with the
 * counts, naming nobody. Returns the counts.
 */
export async function deleteOldStays(
  db: Db,
  retentionDays: number,
  references: readonly ForeignerReference[],
  now = new Date(),
  batchSize = RETENTION_BATCH,
): Promise<{ stays: number; foreigners: number }> {
  const before = witaInstant(addDays(witaDate(now), -retentionDays));
  let deleted = 0;
  let forgotten = 0;
  for (;;) {
    const rows = await db.transaction(async (tx) => {
      const gone = await queryRows<{ foreigner_id: string }>(
        tx,
        sql`delete from stays where id in (
          select id from stays where coalesce(check_out_at, check_in_at) < ${before.toISOString()}::timestamptz
          limit ${batchSize})
        returning foreigner_id`,
      );
      forgotten += await deleteUnreferencedForeigners(
        tx,
        gone.map((r) => r.foreigner_id),
        references,
      );
      return gone.length;
    });
    deleted += rows;
    if (rows < batchSize) break;
  }
  await db.transaction((tx) =>
    appendAudit(tx, systemCaller('lodgings.retention'), {
      action: 'lodging.staysDeleted',
      targetType: 'stay',
      details: { count: deleted, foreigners: forgotten, endedBefore: before.toISOString(), retentionDays },
    }),
  );
  return { stays: deleted, foreigners: forgotten };
}
