import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type HomeVisitAction = 'visit.view' | 'visit.triage' | 'visit.serve';
type Target = { unitCode: string; scope: readonly string[] };

/**
 * Heads of office (and admins) answer and plan visits; the counter staff who go out see them, link the applicant's
 * application and record the visit. Admins plan but do not serve: they run no counter step either.
 */
const roles: Record<HomeVisitAction, readonly OfficerRole[]> = {
  'visit.view': ['admin', 'head_of_office', 'counter_officer', 'verifier'],
  'visit.triage': ['admin', 'head_of_office'],
  'visit.serve': ['head_of_office', 'counter_officer', 'verifier'],
};

/** Whether the officer's role opens the action at all, before any visit is looked up. */
export function roleMay(actor: Actor | null, action: HomeVisitAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

export function can(actor: Actor | null, action: HomeVisitAction, target: Target): boolean {
  return roleMay(actor, action) && target.scope.includes(target.unitCode);
}

/** Refuses by role first (so an unknown visit still answers 403 to the wrong role), then by the unit's scope. */
export function authorizeRole(actor: Actor | null, action: HomeVisitAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: HomeVisitAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
