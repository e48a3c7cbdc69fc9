import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type RosterAction = 'kits.view' | 'kits.manage' | 'roster.view' | 'roster.manage';
type Target = { unitCode: string; scope: readonly string[] };

const managers = new Set(['admin', 'head_of_office']);
/** The counter roles: they see who is on duty and which kits exist, so they know where colleagues are. */
const desk = new Set(['admin', 'head_of_office', 'counter_officer', 'verifier', 'adjudicator']);

/** Heads of office and admins keep the kits and the duty roster of their units; the counter roles look. */
export function can(actor: Actor | null, action: RosterAction, target: Target): boolean {
  if (actor?.kind !== 'officer' || !target.scope.includes(target.unitCode)) return false;
  switch (action) {
    case 'kits.manage':
    case 'roster.manage':
      return managers.has(actor.role ?? '');
    case 'kits.view':
    case 'roster.view':
      return desk.has(actor.role ?? '');
  }
}

export function authorize(actor: Actor | null, action: RosterAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
