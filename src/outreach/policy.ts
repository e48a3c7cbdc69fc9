import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type OutreachAction = 'session.view' | 'session.decide' | 'session.register';

const roles: Record<OutreachAction, readonly OfficerRole[]> = {
  'session.view': ['admin', 'head_of_office', 'counter_officer', 'verifier', 'adjudicator'],
  // The office's decision: date, capacity, people and kits.
  'session.decide': ['admin', 'head_of_office'],
  // On site, the officers who serve applicants face to face register them.
  'session.register': ['head_of_office', 'counter_officer', 'verifier'],
};

/** Whether the actor's role opens the action at all (checked before anything is looked up). */
export function canRole(actor: Actor | null, action: OutreachAction): boolean {
  return actor?.kind === 'officer' && roles[action].includes(actor.role as OfficerRole);
}

/** The role may do the action and the session's unit is in the actor's scope (their unit and the units below it). */
export function can(
  actor: Actor | null,
  action: OutreachAction,
  target?: { unitCode: string; scope: readonly string[] },
): boolean {
  return canRole(actor, action) && (!target || target.scope.includes(target.unitCode));
}

export function authorize(
  actor: Actor | null,
  action: OutreachAction,
  target?: { unitCode: string; scope: readonly string[] },
): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
