import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays, witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { entryStatus } from './available-actions.ts';
import { assertWithin, findBanRule } from './ban-period.ts';
import { lockEntry } from './lock-entry.ts';
import { authorize } from './policy.ts';
import { recordWatchlistAction } from './record-watchlist-action.ts';
import { watchlistActions, watchlistEntries, type BanList, type WatchlistEntry } from './schema.ts';

export type Extension = {
  id: string;
  /** The list the caller works on: an entry of the other list is not found. */
  list: BanList;
  /** The new last day. */
  validUntil: IsoDate;
  /** The letter or decision that extends the listing. */
  reference: string;
  requestId?: string | null;
};

/**
 * Extends a listing in force to a later last day, by a new decision: at most as often and as long as the rule in force
 * today allows (`ban_rules`: the prevention list once by 6 months, the entry-ban list once by 10 years), the extension
 * counted from the day after the current last day. A lifted or ended listing is not extended: a new one is made.
 */
export async function extendWatchlistEntry(
  tx: Tx,
  caller: Caller & { actor: Actor },
  input: Extension,
  today: IsoDate = witaDate(),
): Promise<WatchlistEntry> {
  authorize(caller.actor, 'watchlist.extend', input.list);
  const entry = await lockEntry(tx, input.id, input.list);
  if (await findActionByRequest(tx, watchlistActions, watchlistActions.entryId, entry.id, input.requestId))
    return entry;
  const status = entryStatus(entry, today);
  if (status === 'lifted' || status === 'ended') throw new AppError('invalid_transition');
  const rule = await findBanRule(tx, entry.list, today);
  if (entry.extensions >= rule.maxExtensions)
    throw new AppError(
      'validation_failed',
      { validUntil: 'watchlist.v.noMoreExtensions' },
      { basis: rule.basis, count: rule.maxExtensions },
    );
  if (input.validUntil <= entry.validUntil)
    throw new AppError('validation_failed', { validUntil: 'watchlist.v.extendLater' }, { end: entry.validUntil });
  assertWithin(rule, addDays(entry.validUntil, 1), rule.extensionMonths, input.validUntil);
  const [extended] = await tx
    .update(watchlistEntries)
    .set({ validUntil: input.validUntil, extensions: entry.extensions + 1 })
    .where(eq(watchlistEntries.id, entry.id))
    .returning();
  await recordWatchlistAction(tx, caller, extended!, {
    type: 'extend',
    requestId: input.requestId,
    payload: { from: entry.validUntil, to: input.validUntil, reference: input.reference, rule: rule.id },
  });
  return extended!;
}
