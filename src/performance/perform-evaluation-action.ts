import { and, eq } from 'drizzle-orm';
import { AppError } from '../platform/errors.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { semesterWindow } from './semester.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { computeResults } from './compute-results.ts';
import { evaluatedUnits } from './evaluated-units.ts';
import { frozenIndicator, listIndicators } from './list-indicators.ts';
import { lockEvaluation } from './lock-evaluation.ts';
import { authorize, authorizeRole, type PerformanceViewer } from './policy.ts';
import { evaluationActions, evaluations, evaluationUnits, type Evaluation } from './schema.ts';
import { evaluationWorkflow, type EvaluationStep } from './workflow.ts';

/**
 * Every change to an evaluation's status goes through here. Freezing computes each unit's results of every active
 * indicator against its year's target, scores and ranks the units, and stores each unit's snapshot and the catalogue
 * as it is now; the units' rows are written before the evaluation's status, which the database then holds frozen.
 */
export async function performEvaluationAction(
  tx: Tx,
  caller: Caller,
  viewer: PerformanceViewer,
  input: { evaluationId: string; step: EvaluationStep; requestId?: string | null },
): Promise<Evaluation> {
  const step = evaluationWorkflow[input.step];
  authorizeRole(viewer, step.by);
  const evaluation = await lockEvaluation(tx, input.evaluationId);
  authorize(viewer, step.by);
  const resent = await findActionByRequest(
    tx,
    evaluationActions,
    evaluationActions.evaluationId,
    evaluation.id,
    input.requestId,
  );
  if (resent) return evaluation;
  assertStepAllowed(evaluationWorkflow, input.step, evaluation.status);
  // A snapshot that never changes is taken once the semester is over, not of a semester still running.
  if (witaDate() <= semesterWindow(evaluation.year, evaluation.half).to)
    throw new AppError('validation_failed', { evaluation: 'performance.v.semesterNotOver' });
  const catalogue = (await listIndicators(tx, { activeOnly: true })).map(frozenIndicator);
  const units = await tx
    .select({ unitCode: evaluationUnits.unitCode })
    .from(evaluationUnits)
    .where(eq(evaluationUnits.evaluationId, evaluation.id));
  const names = new Map((await evaluatedUnits(tx)).map((u) => [u.code, u.name]));
  const results = await computeResults(
    tx,
    evaluation,
    units.map((u) => u.unitCode),
    catalogue,
  );
  for (const r of results) {
    const snapshot = { unitName: names.get(r.unitCode) ?? r.unitCode, rows: r.rows, score: r.score, rank: r.rank };
    await tx
      .update(evaluationUnits)
      .set({ snapshot, score: r.score, rank: r.rank })
      .where(and(eq(evaluationUnits.evaluationId, evaluation.id), eq(evaluationUnits.unitCode, r.unitCode)));
  }
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: evaluationActions,
      entry: { evaluationId: evaluation.id },
      record: evaluations,
      recordId: evaluation.id,
      type: step.records ?? input.step,
      status: step.to,
      set: { frozenAt: new Date(), catalogue },
      requestId: input.requestId,
    },
    {
      action: `performance.evaluation.${input.step}`,
      targetType: 'performance_evaluation',
      targetId: evaluation.id,
      details: { year: evaluation.year, half: evaluation.half },
    },
  );
  return lockEvaluation(tx, evaluation.id);
}
