import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { RecommendationStatus, TimporaOperation } from './schema.ts';
import type { TimporaViewer } from './timpora-viewer.ts';
import {
  operationSteps,
  operationWorkflow,
  recommendationSteps,
  recommendationWorkflow,
  type OperationStep,
  type RecommendationStep,
} from './workflow.ts';

/** The steps the officer may take on the operation now, read from the workflow the use case enforces. */
export function availableOperationSteps(
  actor: Actor,
  operation: Pick<TimporaOperation, 'status' | 'unitCode'>,
  scope: readonly string[],
): OperationStep[] {
  return operationSteps.filter((step) => {
    const rule = operationWorkflow[step];
    return stepAllowed(rule, operation.status) && can(actor, rule.by, { unitCode: operation.unitCode, scope });
  });
}

/** Whether findings may be recorded now: an operating officer, while the team is in the field. */
export const mayRecordFindings = (
  actor: Actor,
  operation: Pick<TimporaOperation, 'status' | 'unitCode'>,
  scope: readonly string[],
) => operation.status === 'operation' && can(actor, 'timpora.operate', { unitCode: operation.unitCode, scope });

/** The follow-up steps the viewer may take on a recommendation (a partner: only on its own agency's). */
export function availableRecommendationSteps(
  viewer: TimporaViewer,
  rec: { status: RecommendationStatus; agencyId: string },
  team: { id: string; unitCode: string },
): RecommendationStep[] {
  const target = {
    unitCode: team.unitCode,
    scope: viewer.scope,
    member: viewer.partner?.teamIds.includes(team.id) ?? false,
    ownAgency: viewer.partner?.agencyId === rec.agencyId,
  };
  return recommendationSteps.filter((step) => {
    const rule = recommendationWorkflow[step];
    return stepAllowed(rule, rec.status) && can(viewer.actor, rule.by, target);
  });
}
