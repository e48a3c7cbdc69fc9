import { and, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { evaluations, evaluationUnits, type Evaluation, type EvaluationUnit } from './schema.ts';

export async function getEvaluation(db: Executor, id: string): Promise<Evaluation> {
  const [row] = await db.select().from(evaluations).where(eq(evaluations.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}

/** The evaluation locked for the transaction: a freeze and a unit's writing never interleave. */
export async function lockEvaluation(tx: Tx, id: string): Promise<Evaluation> {
  const [row] = await tx.select().from(evaluations).where(eq(evaluations.id, id)).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getEvaluationUnit(db: Executor, evaluationId: string, unitCode: string): Promise<EvaluationUnit> {
  const [row] = await db
    .select()
    .from(evaluationUnits)
    .where(and(eq(evaluationUnits.evaluationId, evaluationId), eq(evaluationUnits.unitCode, unitCode)));
  if (!row) throw new AppError('not_found');
  return row;
}
