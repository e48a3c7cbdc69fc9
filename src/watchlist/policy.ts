import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';
import type { BanList } from './schema.ts';

export type WatchlistAction = 'watchlist.view' | 'watchlist.add' | 'watchlist.extend' | 'watchlist.lift';

/**
 * Who keeps each list: the prevention list by heads of office and verifiers, as before; the entry-ban list by heads
 * of office and the officers who oversee foreigners (who propose administrative action).
 */
const keepers: Record<BanList, readonly OfficerRole[]> = {
  exit: ['head_of_office', 'verifier'],
  entry: ['head_of_office', 'oversight_officer'],
};

/**
 * Each list is one list for the whole region (a person listed in Kupang is listed in Maumere), and its keepers see,
 * add, extend and lift. Counter and border-desk staff only learn from a check that a person is listed, never why;
 * admins run the system and see no list.
 */
export function can(actor: Actor | null, _action: WatchlistAction, list: BanList = 'exit'): boolean {
  return actor?.kind === 'officer' && !!actor.role && keepers[list].includes(actor.role);
}

export function authorize(actor: Actor | null, action: WatchlistAction, list: BanList = 'exit'): void {
  if (!can(actor, action, list)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
