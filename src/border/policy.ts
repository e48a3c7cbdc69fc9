import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

/**
 * `crossing.record`: the desk (record a crossing, see its verdict, the point's held and overdue lists);
 * `crossing.decide`: the secondary inspection's decision on a held crossing.
 */
export type CrossingAction = 'crossing.record' | 'crossing.decide';
type Target = { unitCode: string; scope: readonly string[] };

/**
 * The desk is worked by the officers who record what they see of a person (the same who may record a foreigner's
 * departure in the register); the supervisor of a secondary inspection is the head of the point's office or its
 * oversight (intelligence and enforcement) officer, never the officer who recorded the crossing (checked by the
 * decision). Admins run the system and see no traveller.
 */
const roles: Record<CrossingAction, readonly OfficerRole[]> = {
  'crossing.record': ['counter_officer', 'oversight_officer', 'head_of_office'],
  'crossing.decide': ['oversight_officer', 'head_of_office'],
};

export function roleMay(actor: Actor | null, action: CrossingAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

/** Only at a point operated by a unit in the officer's scope. */
export function can(actor: Actor | null, action: CrossingAction, target: Target): boolean {
  return roleMay(actor, action) && target.scope.includes(target.unitCode);
}

/** Refuses by role first, before any point or crossing is looked up. */
export function authorizeRole(actor: Actor | null, action: CrossingAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: CrossingAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
