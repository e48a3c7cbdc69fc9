import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { authorize } from './policy.ts';
import { watchlistEntries, type WatchlistEntry } from './schema.ts';

/** Ends a listing, with the reason; the entry stays so that earlier hits remain explainable. */
export async function liftWatchlistEntry(
  tx: Tx,
  caller: Caller & { actor: Actor },
  input: { id: string; reason: string },
): Promise<WatchlistEntry> {
  authorize(caller.actor, 'watchlist.lift');
  const [entry] = await tx.select().from(watchlistEntries).where(eq(watchlistEntries.id, input.id)).for('update');
  if (!entry) throw new AppError('not_found');
  if (entry.liftedAt) throw new AppError('invalid_transition');
  const [lifted] = await tx
    .update(watchlistEntries)
    .set({ liftedAt: new Date(), liftedBy: caller.actor.id, liftReason: input.reason })
    .where(eq(watchlistEntries.id, entry.id))
    .returning();
  await appendAudit(tx, caller, {
    action: 'watchlist.lift',
    targetType: 'watchlist_entry',
    targetId: entry.id,
    unitCode: caller.actor.unitCode,
    details: { reason: input.reason },
  });
  return lifted!;
}
