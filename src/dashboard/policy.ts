import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

/**
 * The dashboard is for those who lead or check a unit: its head, its administrator and its auditor. Each sees their
 * unit and the units below it (`unitScope`): Kanwil staff the whole region or any unit in it, an office's head the
 * office and its posts.
 */
const viewers: readonly OfficerRole[] = ['head_of_office', 'admin', 'auditor'];

export function roleMay(actor: Actor | null): boolean {
  return actor?.kind === 'officer' && !!actor.role && !!actor.unitCode && viewers.includes(actor.role);
}

/** Refuses by role first (so an unknown unit still answers 403 to the wrong role). */
export function authorizeRole(actor: Actor | null): void {
  if (!roleMay(actor)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

/**
 * Whether the figures link to the lists behind them: those lists are an office's own work (queues, complaints,
 * permits, lodgings…), opened by the head of that office; the Kanwil's staff and admins and auditors are refused
 * there, so they get the figures without links rather than links that end in 403.
 */
export function listsOpenTo(actor: Actor, root: string): boolean {
  return actor.role === 'head_of_office' && actor.unitCode !== root;
}

export function authorize(actor: Actor | null, target: { unitCode: string; scope: readonly string[] }): void {
  if (!roleMay(actor) || !target.scope.includes(target.unitCode))
    throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
