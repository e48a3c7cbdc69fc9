import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type UnitAction = 'unit.administer' | 'unit.edit' | 'unit.decide_state' | 'unit.manage_post';
/**
 * `parentCode` and `root` (the regional office) are needed by the state and roadmap actions: who decides depends on
 * where the unit sits in the organisation.
 */
export type UnitTarget = { unitCode: string; scope: readonly string[]; parentCode?: string | null; root?: string };

const atRegionalOffice = (actor: Actor | null, target: UnitTarget | undefined) =>
  actor?.kind === 'officer' &&
  (actor.role === 'admin' || actor.role === 'head_of_office') &&
  !!target?.root &&
  actor.unitCode === target.root &&
  target.unitCode !== target.root;

/**
 * Unit pages are public; only admins change units' data, and only units within their scope. A unit's state and
 * roadmap: the Kanwil's admins and its head decide everything (not the Kanwil's own state); the head of a Kantor
 * Imigrasi also revitalises and normalises the posts directly under the office and keeps their roadmap.
 */
export function can(actor: Actor | null, action: UnitAction, target?: UnitTarget): boolean {
  switch (action) {
    case 'unit.administer':
      return actor?.role === 'admin';
    case 'unit.edit':
      return actor?.role === 'admin' && !!target && target.scope.includes(target.unitCode);
    case 'unit.decide_state':
      return atRegionalOffice(actor, target);
    case 'unit.manage_post':
      return (
        atRegionalOffice(actor, target) ||
        (actor?.kind === 'officer' &&
          actor.role === 'head_of_office' &&
          !!target?.parentCode &&
          actor.unitCode === target.parentCode)
      );
  }
}

export function authorize(actor: Actor | null, action: UnitAction, target?: UnitTarget): void {
  if (!can(actor, action, target)) throw new AppError('forbidden');
}
