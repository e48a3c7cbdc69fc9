import type { Tx } from '../platform/db/index.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { getEvaluationUnit, lockEvaluation } from './lock-evaluation.ts';
import { authorize, authorizeRole, type PerformanceViewer } from './policy.ts';
import { evaluationActions } from './schema.ts';
import { unitWritingStep } from './workflow.ts';

/**
 * The start every write of a unit's own part (notes, evidence) shares: the role, the evaluation locked, the unit in
 * it and in the writer's scope, the action a resent request id already made (answered as it was, even after the
 * freeze), else the semester still open.
 */
export async function openUnitWriting(
  tx: Tx,
  viewer: PerformanceViewer,
  input: { evaluationId: string; unitCode: string; requestId?: string | null },
  step: 'notes' | 'evidence',
) {
  authorizeRole(viewer, unitWritingStep.by);
  const evaluation = await lockEvaluation(tx, input.evaluationId);
  await getEvaluationUnit(tx, evaluation.id, input.unitCode);
  authorize(viewer, unitWritingStep.by, input.unitCode);
  const resent = await findActionByRequest(
    tx,
    evaluationActions,
    evaluationActions.evaluationId,
    evaluation.id,
    input.requestId,
  );
  if (!resent) assertStepAllowed({ notes: unitWritingStep, evidence: unitWritingStep }, step, evaluation.status);
  return { evaluation, resent };
}
