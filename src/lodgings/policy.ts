import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

/** Intake: registering a lodging, the office verifying it, its manager's members, reporting guests. */
export type LodgingIntakeAction = 'lodging.register' | 'lodging.verify' | 'lodging.manageMembers' | 'lodging.report';
/**
 * Oversight of lodging reports: `lodging.readLodged` (who is lodged now, one person's movements),
 * `lodging.oversee` (the officers' other lists: silent lodgings, late and missing reports),
 * `lodging.readDocumentPhoto` (the photo of a biodata page a lodging attached to a stay), `lodging.grantRead`
 * (giving partner police read access).
 */
export type LodgingOversightAction =
  'lodging.readLodged' | 'lodging.oversee' | 'lodging.readDocumentPhoto' | 'lodging.grantRead';
export type LodgingAction = LodgingIntakeAction | LodgingOversightAction;
export type MemberRole = 'manager' | 'reporter';

/**
 * `scope`: the officer's unit and the units below it; `member`: the actor's role in the lodging; `partnerGrant`: a
 * live grant of the unit's lodged foreigners to this partner account (looked up by the caller, `find-live-grant.ts`).
 */
type Target = { unitCode?: string; scope?: readonly string[]; member?: MemberRole | null; partnerGrant?: boolean };

/** The office's oversight officers and its head verify lodgings and read their reports. */
const overseers: readonly OfficerRole[] = ['oversight_officer', 'head_of_office'];

/**
 * Lodgings are outside users: any citizen-kind account registers one and becomes its manager; the manager adds and
 * removes reporters; managers and reporters report guests. Officers verify and read reports within their unit's scope
 * and never report. Only the head of office gives partner police (UU 63/2024 Pasal 72) read access, and a partner
 * reads who is lodged and their movements, nothing else, only for the unit of a live grant.
 */
export function can(actor: Actor | null, action: LodgingAction, target: Target = {}): boolean {
  if (!actor) return false;
  const inScope = !!target.unitCode && !!target.scope?.includes(target.unitCode);
  switch (action) {
    case 'lodging.register':
      return actor.kind === 'citizen';
    case 'lodging.manageMembers':
      return actor.kind === 'citizen' && target.member === 'manager';
    case 'lodging.report':
      return actor.kind === 'citizen' && (target.member === 'manager' || target.member === 'reporter');
    case 'lodging.verify':
    case 'lodging.oversee':
    case 'lodging.readDocumentPhoto':
      // Never a partner, whose role is not an overseer's: a biodata photo shows the name and passport number.
      return roleMay(actor, 'lodging.verify') && inScope;
    case 'lodging.readLodged':
      if (actor.kind === 'officer' && actor.role === 'partner') return target.partnerGrant === true;
      return roleMay(actor, 'lodging.verify') && inScope;
    case 'lodging.grantRead':
      return actor.kind === 'officer' && actor.role === 'head_of_office' && inScope;
  }
}

/** Whether the officer's role opens verification at all, before any lodging is looked up. */
export function roleMay(actor: Actor | null, action: 'lodging.verify'): boolean {
  return action === 'lodging.verify' && actor?.kind === 'officer' && !!actor.role && overseers.includes(actor.role);
}

export function authorizeRole(actor: Actor | null, action: 'lodging.verify'): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: LodgingAction, target: Target = {}): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

/** Names and passport numbers are for officers; partners see who is lodged where, by nationality and dates. */
export const seesIdentity = (actor: Actor) => actor.role !== 'partner';
