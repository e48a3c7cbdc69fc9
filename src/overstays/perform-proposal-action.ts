import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import { authorize, authorizeRole } from './policy.ts';
import { overstayProposalActions, overstayProposals, type OverstayProposal } from './schema.ts';
import { proposalWorkflow, type ProposalStep } from './workflow.ts';

async function lockProposal(tx: Tx, id: string): Promise<OverstayProposal> {
  const [proposal] = await tx.select().from(overstayProposals).where(eq(overstayProposals.id, id)).for('update');
  if (!proposal) throw new AppError('not_found');
  return proposal;
}

/**
 * Every change to a proposal goes through here, in the caller's transaction: the proposal locked, the caller's right
 * in its unit checked, a resent request id answered with the proposal as it is, the step allowed from the current
 * status (else invalid_transition and nothing changes), then the action, the status and the audit entry together.
 */
export async function performProposalAction(
  tx: Tx,
  caller: Caller,
  input: { proposalId: string; step: ProposalStep; requestId?: string | null },
): Promise<OverstayProposal> {
  const step = proposalWorkflow[input.step];
  authorizeRole(caller.actor, step.by);
  const proposal = await lockProposal(tx, input.proposalId);
  authorize(caller.actor, step.by, { unitCode: proposal.unitCode, scope: await actorScope(tx, caller.actor) });
  const resent = await findActionByRequest(
    tx,
    overstayProposalActions,
    overstayProposalActions.proposalId,
    proposal.id,
    input.requestId,
  );
  if (resent) return proposal;
  assertStepAllowed(proposalWorkflow, input.step, proposal.status);
  const type = step.records ?? input.step;
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: overstayProposalActions,
      entry: { proposalId: proposal.id },
      record: overstayProposals,
      recordId: proposal.id,
      type,
      status: step.to,
      set: { acknowledgedAt: new Date(), acknowledgedBy: caller.actor?.id ?? null },
      requestId: input.requestId,
    },
    {
      action: `overstay_proposal.${type}`,
      targetType: 'overstay_proposal',
      targetId: proposal.id,
      unitCode: proposal.unitCode,
    },
  );
  return lockProposal(tx, proposal.id);
}
