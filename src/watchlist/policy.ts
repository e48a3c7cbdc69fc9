import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type WatchlistAction = 'watchlist.view' | 'watchlist.add' | 'watchlist.lift';

const keepers = new Set(['head_of_office', 'verifier']);

/**
 * The prevention list is one list for the whole region (a person listed in Kupang is listed in Maumere), kept by
 * heads of office and verifiers. Counter staff only learn from the watchlist check that a person is listed, never
 * why; admins run the system and see no list.
 */
export function can(actor: Actor | null, _action: WatchlistAction): boolean {
  return actor?.kind === 'officer' && keepers.has(actor.role ?? '');
}

export function authorize(actor: Actor | null, action: WatchlistAction): void {
  if (!can(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
