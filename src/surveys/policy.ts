import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type SurveyAction = 'survey.enter' | 'ikm.view';
type Target = { unitCode: string; scope: readonly string[] };

/** The counter staff who hand out paper questionnaires, and the head of office. */
const enterers = ['head_of_office', 'counter_officer', 'verifier'];
const viewers = ['admin', 'head_of_office', 'counter_officer', 'verifier', 'adjudicator', 'oversight_officer'];

/**
 * Officers of the unit (or a unit above it) type in paper questionnaires and read the unit's IKM; the auditor role
 * (the Ombudsman) reads every unit's survey results.
 */
export function can(actor: Actor | null, action: SurveyAction, target: Target): boolean {
  if (actor?.kind !== 'officer') return false;
  if (action === 'ikm.view' && actor.role === 'auditor') return true;
  if (!target.scope.includes(target.unitCode)) return false;
  return (action === 'survey.enter' ? enterers : viewers).includes(actor.role ?? '');
}

export function authorize(actor: Actor | null, action: SurveyAction, target: Target): void {
  if (!can(actor, action, target)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
