import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type PermitServiceAction = 'service.view' | 'service.verify' | 'service.decide';
type Target = { unitCode: string; scope: readonly string[] };

/**
 * The office's stay-permit staff read applications at their unit; a verifier (or the head) checks the documents and
 * takes the biometrics; an adjudicator or the head decides, never the officer who verified (four eyes, enforced in
 * decide-application.ts). Admins run the system and read no applications.
 */
const roles: Record<PermitServiceAction, readonly OfficerRole[]> = {
  'service.view': ['counter_officer', 'verifier', 'adjudicator', 'head_of_office', 'oversight_officer'],
  'service.verify': ['verifier', 'head_of_office'],
  'service.decide': ['adjudicator', 'head_of_office'],
};

/** Whether the officer's role opens the action at all, before any application is looked up. */
export function roleMay(actor: Actor | null, action: PermitServiceAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

export function can(actor: Actor | null, action: PermitServiceAction, target: Target): boolean {
  return roleMay(actor, action) && target.scope.includes(target.unitCode);
}

/** Refuses by role first (so an unknown application still answers 403 to the wrong role), then by the unit. */
export function authorizeRole(actor: Actor | null, action: PermitServiceAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: PermitServiceAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
