import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type AdoptedVillageAction =
  'adopted_village.manage' | 'adopted_village.view' | 'adopted_village.act' | 'adopted_village.signals';

/**
 * `scope`: the officer's unit and the units below it; `pimpasa`: the officer is one of the village's PIMPASA today.
 */
export type VillageTarget = { unitCode: string; scope: readonly string[]; pimpasa?: boolean };

/**
 * The head of office and the unit's admins keep the register (decrees, officers); the head and the oversight
 * (intelligence) officers run and read the programme, as they run Timpora. A village's own PIMPASA, whatever their
 * desk, read and run its activities: that is what they are appointed for. Partner agencies and auditors have no
 * part in it. The signals (applications, deferrals by reason, tips, open warnings) are intelligence about the
 * villagers: only the head and the oversight officers read them. A PIMPASA lives among the people counted, and a
 * count over a short period can point at one neighbour; admins keep the register, not the intelligence.
 */
const roles: Record<AdoptedVillageAction, readonly OfficerRole[]> = {
  'adopted_village.manage': ['admin', 'head_of_office'],
  'adopted_village.view': ['admin', 'head_of_office', 'oversight_officer'],
  'adopted_village.act': ['head_of_office', 'oversight_officer'],
  'adopted_village.signals': ['head_of_office', 'oversight_officer'],
};

/** What being a village's PIMPASA opens, whatever the officer's role. */
const pimpasaActions: readonly AdoptedVillageAction[] = ['adopted_village.view', 'adopted_village.act'];

/** Who may be a PIMPASA or read the programme's pages at all: the office's own staff. */
export const isStaff = (actor: Actor | null): actor is Actor =>
  actor?.kind === 'officer' && !!actor.role && actor.role !== 'partner' && actor.role !== 'auditor';

export function roleMay(actor: Actor | null, action: AdoptedVillageAction): boolean {
  return isStaff(actor) && roles[action].includes(actor.role!);
}

export function can(actor: Actor | null, action: AdoptedVillageAction, target: VillageTarget): boolean {
  if (!isStaff(actor)) return false;
  if (roleMay(actor, action) && target.scope.includes(target.unitCode)) return true;
  return pimpasaActions.includes(action) && target.pimpasa === true;
}

/** Refuses by role first where no village can open the door (only viewing and acting may come from being a PIMPASA). */
export function authorizeRole(actor: Actor | null, action: AdoptedVillageAction): void {
  const may = pimpasaActions.includes(action) ? isStaff(actor) : roleMay(actor, action);
  if (!may) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

export function authorize(actor: Actor | null, action: AdoptedVillageAction, target: VillageTarget): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
