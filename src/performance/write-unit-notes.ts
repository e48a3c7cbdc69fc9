import { and, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { openUnitWriting } from './open-unit-writing.ts';
import type { PerformanceViewer } from './policy.ts';
import { evaluationActions, evaluations, evaluationUnits } from './schema.ts';

/** The unit's head writes (or rewrites) the unit's notes while the semester is open; refused once it is frozen. */
export async function writeUnitNotes(
  tx: Tx,
  caller: Caller,
  viewer: PerformanceViewer,
  input: { evaluationId: string; unitCode: string; notes: string; requestId?: string | null },
): Promise<void> {
  const { evaluation, resent } = await openUnitWriting(tx, viewer, input, 'notes');
  if (resent) return;
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
