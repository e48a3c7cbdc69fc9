import { and, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { evaluatedUnits } from './evaluated-units.ts';
import { authorize, type PerformanceViewer } from './policy.ts';
import { evaluationActions, evaluations, evaluationUnits, type Evaluation } from './schema.ts';

/**
 * Opens a semester for every unit the Kanwil evaluates. A semester is opened once: asked again with the same request
 * id it answers with the evaluation it opened, otherwise it is refused on the semester's field.
 */
export async function openEvaluation(
  tx: Tx,
  caller: Caller,
  viewer: PerformanceViewer,
  input: { year: number; half: 1 | 2; requestId?: string | null },
): Promise<Evaluation> {
  authorize(viewer, 'performance.open');
  const [existing] = await tx
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.year, input.year), eq(evaluations.half, input.half)));
  if (existing) {
    const [resent] = input.requestId
      ? await tx
          .select({ id: evaluationActions.id })
          .from(evaluationActions)
          .where(and(eq(evaluationActions.evaluationId, existing.id), eq(evaluationActions.requestId, input.requestId)))
      : [];
    if (resent) return existing;
    throw new AppError('validation_failed', { half: 'performance.v.alreadyOpened' });
  }
  const [evaluation] = await tx.insert(evaluations).values({ year: input.year, half: input.half }).returning();
  const units = await evaluatedUnits(tx);
  if (units.length > 0)
    await tx.insert(evaluationUnits).values(units.map((u) => ({ evaluationId: evaluation!.id, unitCode: u.code })));
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: evaluationActions,
      entry: { evaluationId: evaluation!.id },
      record: evaluations,
      recordId: evaluation!.id,
      type: 'open',
      payload: { year: input.year, half: input.half, units: units.map((u) => u.code) },
      requestId: input.requestId,
    },
    { action: 'performance.evaluation.open', targetType: 'performance_evaluation', targetId: evaluation!.id },
  );
  return evaluation!;
}
