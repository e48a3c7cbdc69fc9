import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

/**
 * Oversight of lodging reports: `lodging.readLodged` (who is lodged now, one person's movements),
 * `lodging.oversee` (the officers' other lists: silent lodgings, late and missing reports), `lodging.grantRead`
 * (giving partner police read access).
 */
export type LodgingOversightAction = 'lodging.readLodged' | 'lodging.oversee' | 'lodging.grantRead';

/**
 * `scope`: the officer's unit and the units below it; `partnerGrant`: a live grant of the unit's lodged foreigners to
 * this partner account (looked up by the caller, `find-live-grant.ts`).
 */
type Target = { unitCode: string; scope: readonly string[]; partnerGrant?: boolean };

const overseers = new Set(['head_of_office', 'oversight_officer']);

/**
 * The office's oversight officers and its head read lodging reports of their area; only the head gives partner police
 * (UU 63/2024 Pasal 72) read access, and a partner reads who is lodged and their movements, nothing else, only for
 * the unit of a live grant.
 */
export function can(actor: Actor | null, action: LodgingOversightAction, target: Target): boolean {
  if (actor?.kind !== 'officer') return false;
  if (actor.role === 'partner') return action === 'lodging.readLodged' && target.partnerGrant === true;
  if (!target.scope.includes(target.unitCode)) return false;
  if (action === 'lodging.grantRead') return actor.role === 'head_of_office';
  return overseers.has(actor.role ?? '');
}

export function authorize(actor: Actor | null, action: LodgingOversightAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

/** Names and passport numbers are for officers; partners see who is lodged where, by nationality and dates. */
export const seesIdentity = (actor: Actor) => actor.role !== 'partner';
