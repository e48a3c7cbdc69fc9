import { makeOfficer } from '../../test/factories.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { toActor } from '../platform/auth/sessions.ts';
import type { Db } from '../platform/db/index.ts';
import { addWatchlistEntry, type NewWatchlistEntry } from './add-watchlist-entry.ts';
import type { WatchlistEntry } from './schema.ts';

export const keeperCaller = (account: Account): Caller & { actor: Actor } => ({
  actor: toActor(account, 'session', true),
  ip: '127.0.0.1',
});

/**
 * A listing made through the add use case by a new head of office (a keeper of both lists): a citizen on the
 * prevention list by default, or whatever the overrides name (`list: 'entry'` needs a foreigner's nationality,
 * document number and birth date). From today for the longest period allowed unless dates are given.
 */
export async function makeBanEntry(
  db: Db,
  overrides: Partial<NewWatchlistEntry> & Pick<NewWatchlistEntry, 'fullName'>,
  today?: string,
): Promise<WatchlistEntry> {
  const head = await makeOfficer(db, { role: 'head_of_office', unitCode: 'KANIM-ATAMBUA' });
  return db.transaction((tx) =>
    addWatchlistEntry(
      tx,
      keeperCaller(head),
      { reason: 'Permintaan penyidik (uji)', reference: 'B-001/2025', ...overrides },
      today,
    ),
  );
}
