import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';
import { caseRoles, stepRules, type CaseActionType } from './workflow.ts';

export type CaseAction =
  CaseActionType | 'case.view' | 'case.search' | 'case.warnings' | 'deferral_reasons.read' | 'deferral_reasons.manage';
type Target = { unitCode: string | null; scope: readonly string[] };

const viewers = new Set(['head_of_office', 'counter_officer', 'verifier', 'adjudicator', 'admin']);

/**
 * Officers act only on cases of units in their scope, and only in a role that runs the step. Admins may look but not
 * act: separating system administration from deciding on passports. The deferral reasons (no personal data) are
 * open to the office's staff whatever their unit. Desa Binaan's warnings on a case (summaries naming people and
 * recruiters, from intelligence) are for those who interview and the head of office of the unit only
 * (`case.warnings`): an admin or auditor may open the case but not read what the intelligence says about the applicant.
 */
export function can(actor: Actor | null, action: CaseAction, target: Target): boolean {
  // Reference data for every officer who works cases or reads their figures; partners of other agencies are no staff.
  if (action === 'deferral_reasons.read') return actor?.kind === 'officer' && !!actor.role && actor.role !== 'partner';
  // National reference data, kept as the calendar of every unit is: by admins whose scope holds the organisation's
  // root (the regional office), `target.unitCode` being that root.
  if (action === 'deferral_reasons.manage')
    return (
      actor?.kind === 'officer' && actor.role === 'admin' && !!target.unitCode && target.scope.includes(target.unitCode)
    );
  if (actor?.kind !== 'officer' || !actor.role || !target.unitCode || !target.scope.includes(target.unitCode))
    return false;
  if (action === 'case.view' || action === 'case.search') return viewers.has(actor.role);
  if (action === 'case.warnings') return stepRules.interview.roles.includes(actor.role);
  if (action === 'take' || action === 'release') return caseRoles.includes(actor.role);
  return stepRules[action].roles.includes(actor.role);
}

export function authorize(actor: Actor | null, action: CaseAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
