import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type DetentionAction =
  | 'detention.view'
  | 'detention.place'
  | 'detention.custody'
  | 'detention.authority'
  | 'detention.release'
  | 'detention.health'
  /** A release as deported, by the administrative-action case that carried the deportation out (its own decision). */
  | 'detention.deport'
  | 'refugee.view'
  | 'refugee.act';

/** The unit that gives the bed (or oversees the refugee), the unit that decides, and the caller's scope. */
export type DetentionTarget = { unitCode: string; authorityUnitCode?: string; scope: readonly string[] };

const overseers: readonly OfficerRole[] = ['head_of_office', 'oversight_officer'];

/**
 * Detention and refugees are immigration's alone: partners (and counter staff) never see them. The head of office
 * releases and transfers (Pasal 85's decisions); oversight officers and the head do the rest.
 */
const roles: Record<DetentionAction, readonly OfficerRole[]> = {
  'detention.view': overseers,
  'detention.place': overseers,
  'detention.custody': overseers,
  'detention.authority': overseers,
  'detention.release': ['head_of_office'],
  'detention.health': overseers,
  'detention.deport': overseers,
  'refugee.view': overseers,
  'refugee.act': overseers,
};

export function roleMay(actor: Actor | null, action: DetentionAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

/**
 * Which unit's scope decides. A titipan detainee stays under the Kantor Imigrasi that placed them, the Rudenim gives
 * the bed: both read the record; the bed's unit keeps custody (placement, block, property, visits, return from leave),
 * the authority decides (leave, review, transfer, release). Health data is read by the Rudenim's own officers only,
 * not by the placing office nor the Kanwil above.
 */
function inScope(actor: Actor, action: DetentionAction, target: DetentionTarget): boolean {
  const authority = target.authorityUnitCode ?? target.unitCode;
  switch (action) {
    case 'detention.view':
      return target.scope.includes(target.unitCode) || target.scope.includes(authority);
    case 'detention.authority':
    case 'detention.release':
      return target.scope.includes(authority);
    case 'detention.health':
      return actor.unitCode === target.unitCode;
    default:
      return target.scope.includes(target.unitCode);
  }
}

export function can(actor: Actor | null, action: DetentionAction, target: DetentionTarget): boolean {
  return !!actor && roleMay(actor, action) && inScope(actor, action, target);
}

/** Refuses by role first (so an unknown record still answers 403 to the wrong role), then by the unit's scope. */
export function authorizeRole(actor: Actor | null, action: DetentionAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: DetentionAction, target: DetentionTarget): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
