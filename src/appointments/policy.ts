import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type AppointmentAction = 'quota.edit' | 'day_list.view';
type Target = { unitCode: string; scope: readonly string[] };

/** Heads of office (and regional admins) set their units' quotas; counter staff see the day's list. */
export function can(actor: Actor | null, action: AppointmentAction, target: Target): boolean {
  if (actor?.kind !== 'officer' || !target.scope.includes(target.unitCode)) return false;
  switch (action) {
    case 'quota.edit':
      return actor.role === 'admin' || actor.role === 'head_of_office';
    case 'day_list.view':
      return ['admin', 'head_of_office', 'counter_officer', 'verifier', 'adjudicator'].includes(actor.role ?? '');
  }
}

export function authorize(actor: Actor | null, action: AppointmentAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
