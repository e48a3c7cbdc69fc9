import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

export type TipAction = 'tip.read' | 'tip.handle' | 'tip.identity' | 'tip.record' | 'warning.read' | 'warning.manage';

/**
 * Tips and warnings are intelligence work (Pasal 89(1), the SE of the Direktur Intelijen Keimigrasian): the office's
 * oversight (intelligence) officers handle them; the head of office reads them, never who sent them. The staff of an
 * office (not its admins, partners or the Ombudsman's auditors) type in a tip a villager told them; a current PIMPASA
 * of the village may too, whatever their office and role except partner or auditor (`mayRecordAsPimpasa`; the
 * appointment is checked in `fileTip`). Warnings reach the counter only through
 * `findOpenWarningsFor`, which the interview reads.
 */
const roles: Record<TipAction, readonly OfficerRole[]> = {
  'tip.read': ['head_of_office', 'oversight_officer'],
  'tip.handle': ['oversight_officer'],
  'tip.identity': ['oversight_officer'],
  'tip.record': ['head_of_office', 'counter_officer', 'verifier', 'adjudicator', 'oversight_officer'],
  'warning.read': ['head_of_office', 'oversight_officer'],
  'warning.manage': ['oversight_officer'],
};

/** Who may be let through to the PIMPASA check: any officer but a partner's or the Ombudsman's. */
export function mayRecordAsPimpasa(actor: Actor | null): boolean {
  return actor?.kind === 'officer' && !!actor.role && actor.role !== 'partner' && actor.role !== 'auditor';
}

export function roleMay(actor: Actor | null, action: TipAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

/** Refuses by role first, so an unknown record still answers 403 to the wrong role. */
export function authorizeRole(actor: Actor | null, action: TipAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

/**
 * `scope`: the officer's unit and the units below it. Who sent a tip is for the oversight officers of the tip's own
 * office only: not the regional office above it, not the head of office (the whistle-blower's protection, as
 * complaints' integrity rule).
 */
export function can(actor: Actor | null, action: TipAction, target: { unitCode: string; scope: readonly string[] }) {
  if (!roleMay(actor, action)) return false;
  if (action === 'tip.identity') return actor!.unitCode === target.unitCode;
  return target.scope.includes(target.unitCode);
}

/** Out of the officer's reach the record does not exist (not_found); in reach but not theirs to do, forbidden. */
export function authorize(
  actor: Actor | null,
  action: TipAction,
  readAction: TipAction,
  target: { unitCode: string; scope: readonly string[] },
): void {
  if (!can(actor, readAction, target)) throw new AppError(actor ? 'not_found' : 'unauthenticated');
  if (!can(actor, action, target)) throw new AppError('forbidden');
}
