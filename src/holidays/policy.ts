import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { HolidayKind } from './schema.ts';

export type HolidayAction = 'holiday.manage' | 'holiday.edit';
/** `unitCode`: the closed unit, or the organisation's root for a holiday of every unit (see holidayUnit). */
type Target = { kind: HolidayKind; unitCode: string; scope: readonly string[] };

/**
 * Admins keep the calendar of the units in their scope, so only the regional office's admins change the holidays of
 * every unit (national holidays, cuti bersama); heads of office close their own office and its posts.
 */
export function can(actor: Actor | null, action: HolidayAction, target?: Target): boolean {
  if (actor?.kind !== 'officer') return false;
  switch (action) {
    case 'holiday.manage':
      return actor.role === 'admin' || actor.role === 'head_of_office';
    case 'holiday.edit':
      if (!target || !target.scope.includes(target.unitCode)) return false;
      return actor.role === 'admin' || (actor.role === 'head_of_office' && target.kind === 'office_closure');
  }
}

export function authorize(actor: Actor | null, action: HolidayAction, target?: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
