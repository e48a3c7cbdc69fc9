import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type UnitAction = 'unit.administer' | 'unit.edit';
type Target = { unitCode: string; scope: readonly string[] };

/** Unit pages are public; only regional admins change units, and only units within their scope. */
export function can(actor: Actor | null, action: UnitAction, target?: Target): boolean {
  switch (action) {
    case 'unit.administer':
      return actor?.role === 'admin';
    case 'unit.edit':
      return actor?.role === 'admin' && !!target && target.scope.includes(target.unitCode);
  }
}

export function authorize(actor: Actor | null, action: UnitAction, target?: Target): void {
  if (!can(actor, action, target)) throw new AppError('forbidden');
}
