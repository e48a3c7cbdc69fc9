import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type PermitAction = 'permit.view' | 'permit.record' | 'sponsor.verify' | 'change.acknowledge';
type Target = { unitCode: string; scope: readonly string[] };

/**
 * The office's staff who serve or oversee foreigners record permits seen or granted and read them, at their unit and
 * the units below it; sponsors are verified by those who answer for the office's oversight. Admins run the system and
 * read no permits.
 */
const staff: readonly OfficerRole[] = [
  'counter_officer',
  'verifier',
  'adjudicator',
  'head_of_office',
  'oversight_officer',
];
const roles: Record<PermitAction, readonly OfficerRole[]> = {
  'permit.view': staff,
  'permit.record': staff,
  'sponsor.verify': ['head_of_office', 'oversight_officer'],
  'change.acknowledge': staff,
};

/** Whether the officer's role opens the action at all, before any unit or permit is looked up. */
export function roleMay(actor: Actor | null, action: PermitAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

export function can(actor: Actor | null, action: PermitAction, target: Target): boolean {
  return roleMay(actor, action) && target.scope.includes(target.unitCode);
}

export function authorizeRole(actor: Actor | null, action: PermitAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: PermitAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

/** Sponsors are outside users: a citizen-kind account registers a company or themselves; officers never do. */
export function authorizeSponsorRegistration(actor: Actor | null): void {
  if (!actor) throw new AppError('unauthenticated');
  if (actor.kind !== 'citizen') throw new AppError('forbidden');
}

/**
 * A sponsor's own pages and reports are its members' (each signed in as themselves); anyone else is told the sponsor
 * does not exist, so sponsors cannot be found by trying ids.
 */
export function authorizeMember(actor: Actor | null, isMember: boolean): void {
  if (!actor) throw new AppError('unauthenticated');
  if (!isMember) throw new AppError('not_found');
}
