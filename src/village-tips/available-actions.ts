import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { VillageTip, VillageWarning } from './schema.ts';
import { tipSteps, tipWorkflow, warningSteps, warningWorkflow, type TipStep, type WarningStep } from './workflow.ts';

/**
 * The officer's steps on the tip now, read from the workflow the use case enforces; none unless they handle it.
 * Taking a tip that is already theirs is not offered.
 */
export function tipStepsFor(actor: Actor, tip: VillageTip, scope: readonly string[]): TipStep[] {
  if (!can(actor, 'tip.handle', { unitCode: tip.unitCode, scope })) return [];
  return tipSteps.filter(
    (step) => stepAllowed(tipWorkflow[step], tip.status) && !(step === 'take' && tip.assignedTo === actor.id),
  );
}

/** Whether the page may offer "show reporter" (the oversight officers of the tip's own office) and raising a warning. */
export function tipExtras(actor: Actor, tip: VillageTip, scope: readonly string[]) {
  return {
    reveal: can(actor, 'tip.identity', { unitCode: tip.unitCode, scope }),
    raiseWarning: tip.status !== 'closed' && can(actor, 'warning.manage', { unitCode: tip.unitCode, scope }),
  };
}

export function warningStepsFor(actor: Actor, warning: VillageWarning, scope: readonly string[]): WarningStep[] {
  if (!can(actor, 'warning.manage', { unitCode: warning.unitCode, scope })) return [];
  return warningSteps.filter((step) => stepAllowed(warningWorkflow[step], warning.status));
}
