import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { ApplicationStatus } from './schema.ts';

export type ApplicationAction =
  | 'application.create'
  | 'application.list'
  | 'application.view'
  | 'application.edit'
  | 'application.book'
  | 'application.withdraw';
type Target = { accountId: string; unitCode: string | null; scope: readonly string[]; status?: ApplicationStatus };

const unitRoles = new Set(['admin', 'head_of_office', 'counter_officer', 'verifier', 'adjudicator']);

/**
 * Citizens apply, edit their drafts, book and withdraw for themselves; officers of the application's unit (or above) may
 * look at it once it is submitted. A draft is its owner's alone.
 */
export function can(actor: Actor | null, action: ApplicationAction, target?: Target): boolean {
  if (!actor) return false;
  switch (action) {
    case 'application.create':
    case 'application.list':
      return actor.kind === 'citizen';
    case 'application.book':
    case 'application.edit':
    case 'application.withdraw':
      return actor.kind === 'citizen' && target?.accountId === actor.id;
    case 'application.view':
      if (target?.accountId === actor.id) return true;
      return (
        actor.kind === 'officer' &&
        unitRoles.has(actor.role ?? '') &&
        target?.status !== 'draft' &&
        !!target?.unitCode &&
        target.scope.includes(target.unitCode)
      );
  }
}

export function authorize(actor: Actor | null, action: ApplicationAction, target?: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
