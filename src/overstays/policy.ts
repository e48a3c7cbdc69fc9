import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type OverstayAction = 'overstay.view' | 'overstay.acknowledge';
type Target = { unitCode: string; scope: readonly string[] };

/**
 * The officers who oversee foreigners or take their payments see their unit's overstays (personal data: every list
 * is audited); the head of office, to whom the law leaves administrative action, acknowledges the proposals.
 */
const roles: Record<OverstayAction, readonly OfficerRole[]> = {
  'overstay.view': ['head_of_office', 'oversight_officer', 'counter_officer'],
  'overstay.acknowledge': ['head_of_office'],
};

export function roleMay(actor: Actor | null, action: OverstayAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

export function can(actor: Actor | null, action: OverstayAction, target: Target): boolean {
  return roleMay(actor, action) && target.scope.includes(target.unitCode);
}

/** Refuses by role first (so an unknown record still answers 403 to the wrong role), then by the unit's scope. */
export function authorizeRole(actor: Actor | null, action: OverstayAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: OverstayAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
