import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type QueueAction = 'queue.check_in' | 'queue.walk_in' | 'queue.call' | 'queue.recall' | 'queue.no_show';
type Target = { unitCode: string; scope: readonly string[] };

/** Reception and the counters: the roles that serve applicants face to face (admins administer, they do not serve). */
const deskRoles: readonly OfficerRole[] = ['counter_officer', 'verifier', 'head_of_office'];

/**
 * Officers at reception and the counters of a unit in their scope check arrivals in, register priority walk-ins and
 * call tickets. The call display needs no decision: it shows ticket numbers only and is public.
 */
export function can(actor: Actor | null, _action: QueueAction, target: Target): boolean {
  if (actor?.kind !== 'officer' || !actor.role || !target.scope.includes(target.unitCode)) return false;
  return deskRoles.includes(actor.role);
}

export function authorize(actor: Actor | null, action: QueueAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
