import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type CrossingPointAction = 'crossing_point.view' | 'crossing_point.switch_plb';
/** `scope`: the officer's unit and the units below it; `root`: the organisation's top unit (the Kanwil). */
type Target = { unitCode: string; scope: readonly string[]; root: string };

/**
 * Every staff officer reads the crossing points (the desk and the PLB counter need them); a partner (an outside
 * agency's account) does not, since a point's page names the officers who switched its PLB and why. Whether the
 * counterpart accepts the PLB is a diplomatic fact the head of the point's office or the Kanwil's admin records; an
 * admin of a Kantor Imigrasi does not.
 */
export function can(actor: Actor | null, action: CrossingPointAction, target?: Target): boolean {
  if (!isStaff(actor)) return false;
  if (action === 'crossing_point.view') return true;
  if (!target || !target.scope.includes(target.unitCode)) return false;
  return actor.role === 'head_of_office' || (actor.role === 'admin' && actor.unitCode === target.root);
}

const isStaff = (actor: Actor | null): actor is Actor => actor?.kind === 'officer' && actor.role !== 'partner';

/** Refuses by role first, before any point is looked up. */
export function roleMay(actor: Actor | null, action: CrossingPointAction): boolean {
  if (!isStaff(actor)) return false;
  return action === 'crossing_point.view' || actor.role === 'head_of_office' || actor.role === 'admin';
}

export function authorizeRole(actor: Actor | null, action: CrossingPointAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: CrossingPointAction, target?: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
