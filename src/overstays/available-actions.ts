import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { OverstayProposal } from './schema.ts';
import { proposalSteps, proposalWorkflow, type ProposalStep } from './workflow.ts';

/** The steps the officer may take on a proposal now, read from the workflow the use case enforces. */
export function availableProposalSteps(
  actor: Actor,
  proposal: Pick<OverstayProposal, 'status' | 'unitCode'>,
  scope: readonly string[],
): ProposalStep[] {
  return proposalSteps.filter((step) => {
    const rule = proposalWorkflow[step];
    return stepAllowed(rule, proposal.status) && can(actor, rule.by, { unitCode: proposal.unitCode, scope });
  });
}
