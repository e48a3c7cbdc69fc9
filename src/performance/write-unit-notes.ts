import { and, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { getEvaluationUnit, lockEvaluation } from './lock-evaluation.ts';
import { authorize, authorizeRole, type PerformanceViewer } from './policy.ts';
import { evaluationActions, evaluations, evaluationUnits } from './schema.ts';
import { evaluationWorkflow, unitWritingStep } from './workflow.ts';

/** The unit's head writes (or rewrites) the unit's notes while the semester is open; refused once it is frozen. */
export async function writeUnitNotes(
  tx: Tx,
  caller: Caller,
  viewer: PerformanceViewer,
  input: { evaluationId: string; unitCode: string; notes: string; requestId?: string | null },
): Promise<void> {
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
  if (resent) return;
  assertStepAllowed({ ...evaluationWorkflow, notes: unitWritingStep }, 'notes', evaluation.status);
  await tx
    .update(evaluationUnits)
    .set({ notes: input.notes, notesUpdatedAt: new Date() })
    .where(and(eq(evaluationUnits.evaluationId, evaluation.id), eq(evaluationUnits.unitCode, input.unitCode)));
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: evaluationActions,
      entry: { evaluationId: evaluation.id },
      record: evaluations,
      recordId: evaluation.id,
      type: 'notes',
      payload: { unitCode: input.unitCode },
      requestId: input.requestId,
    },
    {
      action: 'performance.evaluation.notes',
      targetType: 'performance_evaluation',
      targetId: evaluation.id,
      unitCode: input.unitCode,
    },
  );
}
