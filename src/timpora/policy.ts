import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type TimporaAction =
  'timpora.manage' | 'timpora.read' | 'timpora.view_operation' | 'timpora.operate' | 'timpora.follow_up';

/**
 * `scope`: the officer's unit and the units below it; `member`: the partner account sits in one of the teams the
 * record belongs to; `ownAgency`: the recommendation is assigned to the partner's agency.
 */
type Target = { unitCode: string; scope: readonly string[]; member?: boolean; ownAgency?: boolean };

/**
 * The running unit's head and oversight officers keep the teams and run operations; its admins keep the teams too
 * (names, decrees, partner accounts) but read no findings. Partner accounts read their own teams' meetings and
 * operations, and mark done what their agency was asked to do; they never record findings nor move operations:
 * a check in the field is an immigration officer's act (UU 6/2011 Pasal 66), which the partners attend.
 */
const roles: Record<TimporaAction, readonly OfficerRole[]> = {
  'timpora.manage': ['admin', 'head_of_office', 'oversight_officer'],
  'timpora.read': ['admin', 'head_of_office', 'oversight_officer', 'partner'],
  'timpora.view_operation': ['head_of_office', 'oversight_officer', 'partner'],
  'timpora.operate': ['head_of_office', 'oversight_officer'],
  'timpora.follow_up': ['head_of_office', 'oversight_officer', 'partner'],
};

export const isPartner = (actor: Actor | null) => actor?.kind === 'officer' && actor.role === 'partner';

export function roleMay(actor: Actor | null, action: TimporaAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

export function can(actor: Actor | null, action: TimporaAction, target: Target): boolean {
  if (!roleMay(actor, action)) return false;
  if (isPartner(actor)) return target.member === true && (action !== 'timpora.follow_up' || target.ownAgency === true);
  return target.scope.includes(target.unitCode);
}

/** Refuses by role first (so an unknown record still answers 403 to the wrong role). */
export function authorizeRole(actor: Actor | null, action: TimporaAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

/**
 * A partner outside the record's teams is told it does not exist (their teams are all they know of); an officer out
 * of scope is refused.
 */
export function authorize(actor: Actor | null, action: TimporaAction, target: Target): void {
  if (can(actor, action, target)) return;
  if (roleMay(actor, action) && isPartner(actor) && !target.member) throw new AppError('not_found');
  throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
