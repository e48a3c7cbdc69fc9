import { sql } from 'drizzle-orm';
import { deleteUnreferencedForeigners, type ForeignerReference } from '../foreigners/delete-unreferenced-foreigners.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { queryRows, type Db } from '../platform/db/index.ts';
import { enqueueJobs } from '../platform/jobs/enqueue-job.ts';
import { STORAGE_DELETE_JOB } from '../platform/storage/delete-job.ts';

/** Rows per transaction: small enough that no lock or WAL burst is held long, large enough to finish a backlog fast. */
export const RETENTION_BATCH = 5000;
/**
 * A deleted stay's photo is deleted by a job retried with backoff (at most hourly) for about a month, so that a long
 * storage outage still ends with the file gone; past that the failed job still names the file.
 */
export const PHOTO_DELETE_ATTEMPTS = 720;

/**
 * Deletes the stays that ended (checked out, or checked in and never checked out) more than `retentionDays` before
 * WITA today, with their notices, and the people known only from them (their identity and documents: nothing else
 * names them, by `references`, every feature's condition from src/foreigner-references.ts), in batches of their own
 * transactions so that a backlog of a million rows never holds one huge transaction; then one audit entry with the
 * counts, naming nobody. Returns the counts. A stay's biodata photo is deleted through storage by a job queued in the
 * transaction that deletes the stay: no row ever points at a deleted file, and the file is deleted once that
 * transaction commits (retried until it is).
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
      const gone = await queryRows<{ foreignerId: string; photoKey: string | null }>(
        tx,
        sql`delete from stays where id in (
          select id from stays where coalesce(check_out_at, check_in_at) < ${before.toISOString()}::timestamptz
          limit ${batchSize})
        returning foreigner_id as "foreignerId", document_photo_key as "photoKey"`,
      );
      const photos = gone.flatMap((s) => (s.photoKey ? [{ key: s.photoKey }] : []));
      await enqueueJobs(tx, STORAGE_DELETE_JOB, photos, { maxAttempts: PHOTO_DELETE_ATTEMPTS });
      forgotten += await deleteUnreferencedForeigners(
        tx,
        gone.map((r) => r.foreignerId),
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
