import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type LodgingAction = 'lodging.register' | 'lodging.verify' | 'lodging.manageMembers' | 'lodging.report';
export type MemberRole = 'manager' | 'reporter';
type Target = { unitCode?: string; scope?: readonly string[]; member?: MemberRole | null };

/** The office's oversight officers and its head verify, refuse and suspend the lodgings of its working area. */
const verifiers: readonly OfficerRole[] = ['oversight_officer', 'head_of_office'];

/**
 * Lodgings are outside users: any citizen-kind account registers one and becomes its manager; the manager adds and
 * removes reporters; managers and reporters report guests. Officers verify within their unit's scope and never report.
 */
export function can(actor: Actor | null, action: LodgingAction, target: Target = {}): boolean {
  if (!actor) return false;
  switch (action) {
    case 'lodging.register':
      return actor.kind === 'citizen';
    case 'lodging.verify':
      return roleMay(actor, action) && !!target.unitCode && !!target.scope?.includes(target.unitCode);
    case 'lodging.manageMembers':
      return actor.kind === 'citizen' && target.member === 'manager';
    case 'lodging.report':
      return actor.kind === 'citizen' && (target.member === 'manager' || target.member === 'reporter');
  }
}

/** Whether the officer's role opens verification at all, before any lodging is looked up. */
export function roleMay(actor: Actor | null, action: 'lodging.verify'): boolean {
  return action === 'lodging.verify' && actor?.kind === 'officer' && !!actor.role && verifiers.includes(actor.role);
}

export function authorizeRole(actor: Actor | null, action: 'lodging.verify'): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: LodgingAction, target: Target = {}): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
