import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type EnforcementAction = 'enforcement.view' | 'enforcement.handle' | 'enforcement.decide';
type Target = { unitCode: string; scope: readonly string[] };

/**
 * The officers who oversee foreigners open, examine and carry out cases at their units; the law leaves the decision
 * (and withdrawing a case) to the head of office. Partners of the Timpora never see a case: it names a person and
 * the state's grounds against them.
 */
const roles: Record<EnforcementAction, readonly OfficerRole[]> = {
  'enforcement.view': ['head_of_office', 'oversight_officer'],
  'enforcement.handle': ['head_of_office', 'oversight_officer'],
  'enforcement.decide': ['head_of_office'],
};

export function roleMay(actor: Actor | null, action: EnforcementAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

export function can(actor: Actor | null, action: EnforcementAction, target: Target): boolean {
  return roleMay(actor, action) && target.scope.includes(target.unitCode);
}

/** Refuses by role first (so an unknown case still answers 403 to the wrong role), then by the unit's scope. */
export function authorizeRole(actor: Actor | null, action: EnforcementAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: EnforcementAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
