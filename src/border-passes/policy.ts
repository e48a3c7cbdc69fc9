import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

/**
 * `border_pass.view`: a unit's passes and their cards; `border_pass.issue`: issuing, renewing, replacing, recording a
 * loss; `border_pass.revoke`: revoking; `border_pass.refusals`: the issuances the prevention list stopped.
 */
export type BorderPassAction = 'border_pass.view' | 'border_pass.issue' | 'border_pass.revoke' | 'border_pass.refusals';
type Target = { unitCode: string; scope: readonly string[] };

/**
 * The counter issues passes at the office and on outreach; the head of office revokes them and follows up the
 * prevention list's hits (the counter learns only that no pass can be issued). Admins run the system and see no
 * holder.
 */
const counter: readonly OfficerRole[] = ['head_of_office', 'counter_officer', 'verifier'];
const roles: Record<BorderPassAction, readonly OfficerRole[]> = {
  'border_pass.view': counter,
  'border_pass.issue': counter,
  'border_pass.revoke': ['head_of_office'],
  'border_pass.refusals': ['head_of_office'],
};

export function roleMay(actor: Actor | null, action: BorderPassAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

export function can(actor: Actor | null, action: BorderPassAction, target: Target): boolean {
  return roleMay(actor, action) && target.scope.includes(target.unitCode);
}

/** Refuses by role first (so an unknown pass still answers 403 to the wrong role), then by the unit's scope. */
export function authorizeRole(actor: Actor | null, action: BorderPassAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: BorderPassAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
