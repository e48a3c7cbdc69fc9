import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { EnforcementCase } from './schema.ts';
import { caseSteps, caseWorkflow, type CaseStep } from './workflow.ts';

/**
 * The steps the officer may take on the case now, read from the workflow the use case enforces: the decision is not
 * offered to the opinion's author (four eyes), nor the paid closing while the overstay is not paid.
 */
export function availableCaseSteps(
  actor: Actor,
  found: Pick<EnforcementCase, 'status' | 'unitCode' | 'opinionBy'>,
  scope: readonly string[],
  overstayPaid: boolean,
): CaseStep[] {
  return caseSteps.filter((step) => {
    const rule = caseWorkflow[step];
    if (!stepAllowed(rule, found.status) || !can(actor, rule.by, { unitCode: found.unitCode, scope })) return false;
    if (step === 'decide') return found.opinionBy !== actor.id;
    if (step === 'closePaid') return overstayPaid;
    return true;
  });
}
