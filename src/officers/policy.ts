import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type OfficerAction =
  'officer.home' | 'officer.list' | 'officer.create' | 'account.view' | 'account.clear_sign_in_failures';
type Target = { unitCode: string | null; scope: readonly string[]; role?: OfficerRole | null };

const managers = new Set<OfficerRole | null>(['admin', 'head_of_office']);

/**
 * Admins manage officers of every unit in their scope; heads of office see their own unit's officers.
 * A citizen's record (no unit) is open to admins only.
 */
export function can(actor: Actor | null, action: OfficerAction, target?: Target): boolean {
  if (actor?.kind !== 'officer') return false;
  const inScope = !!target?.unitCode && target.scope.includes(target.unitCode);
  switch (action) {
    case 'officer.home':
      return true;
    case 'officer.list':
      return managers.has(actor.role);
    case 'officer.create':
      return actor.role === 'admin' && inScope;
    case 'account.view':
      return actor.role === 'admin' ? !target?.unitCode || inScope : actor.role === 'head_of_office' && inScope;
    case 'account.clear_sign_in_failures':
      return actor.role === 'admin' && (!target?.unitCode || inScope);
  }
}

export function authorize(actor: Actor | null, action: OfficerAction, target?: Target): void {
  if (!can(actor, action, target)) throw new AppError('forbidden');
}
