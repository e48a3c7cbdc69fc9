import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type PassportAction =
  'passport.view' | 'books.view' | 'books.record' | 'stock.edit' | 'pickups.manage' | 'pickups.list';
type Target = { unitCode: string | null; scope: readonly string[] };

/** The officers who see a case at the counter (`cases/policy.ts`) see the passport printed for it. */
const viewers = new Set(['admin', 'head_of_office', 'counter_officer', 'verifier', 'adjudicator']);
const managers = new Set(['admin', 'head_of_office']);
/** The people at the passport desk: they see the blank-book ledger and the Saturday pickup list. */
const desk = new Set(['admin', 'head_of_office', 'counter_officer', 'verifier']);

/**
 * Passports are seen by the officers who see cases; heads of office and admins keep the blank-book ledger and stock
 * and set Saturday pickup capacity; the desk sees the ledger and the Saturday lists. Always within scope.
 */
export function can(actor: Actor | null, action: PassportAction, target: Target): boolean {
  if (actor?.kind !== 'officer' || !target.unitCode || !target.scope.includes(target.unitCode)) return false;
  switch (action) {
    case 'passport.view':
      return viewers.has(actor.role ?? '');
    case 'books.record':
    case 'stock.edit':
    case 'pickups.manage':
      return managers.has(actor.role ?? '');
    case 'books.view':
    case 'pickups.list':
      return desk.has(actor.role ?? '');
  }
}

export function authorize(actor: Actor | null, action: PassportAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
