import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { BorderPass } from './schema.ts';
import { passSteps, passWorkflow, type PassStep } from './workflow.ts';

/** The steps the officer may take on the pass now: those its status allows and their role runs in its unit. */
export function availablePassSteps(actor: Actor, pass: BorderPass, scope: readonly string[]): PassStep[] {
  return passSteps.filter((step) => {
    const rule = passWorkflow[step];
    return stepAllowed(rule, pass.status) && can(actor, rule.by, { unitCode: pass.unitCode, scope });
  });
}
