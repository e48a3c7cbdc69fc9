import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { computeResults } from './compute-results.ts';
import { evaluatedUnits } from './evaluated-units.ts';
import { frozenIndicator, listIndicators } from './list-indicators.ts';
import { getEvaluation, getEvaluationUnit } from './lock-evaluation.ts';
import { authorize, authorizeRole, can, type PerformanceViewer } from './policy.ts';
import {
  evaluationEvidence,
  evaluations,
  evaluationUnits,
  type Evaluation,
  type EvaluationEvidence,
  type FrozenIndicator,
  type SnapshotRow,
} from './schema.ts';

export type UnitLine = {
  unitCode: string;
  unitName: string;
  notes: string;
  notesUpdatedAt: Date | null;
  rows: SnapshotRow[];
  score: number | null;
  rank: number | null;
  evidence: EvaluationEvidence[];
};
/** An evaluation as its reader may see it: frozen, the snapshot; open, a draft computed now (ranked the same way). */
export type EvaluationView = {
  evaluation: Evaluation;
  draft: boolean;
  catalogue: FrozenIndicator[];
  units: UnitLine[];
  /** How many units were ranked in all, so that a unit's head reads "2 of 7" without seeing the others. */
  unitCount: number;
};

/** The semesters, newest first: the Kanwil's staff and every evaluated unit's head read the list. */
export async function listEvaluations(db: Executor, viewer: PerformanceViewer): Promise<Evaluation[]> {
  authorizeRole(viewer, 'performance.read');
  return db.select().from(evaluations).orderBy(desc(evaluations.year), desc(evaluations.half));
}

/**
 * One semester's evaluation with the units the reader may see (all for the Kanwil, their own for a unit's head), or
 * with one unit only. Refused when the reader sees none of its units.
 */
export async function viewEvaluation(
  db: Executor,
  viewer: PerformanceViewer,
  id: string,
  only?: string,
): Promise<EvaluationView> {
  authorizeRole(viewer, 'performance.read');
  const evaluation = await getEvaluation(db, id);
  if (only) {
    await getEvaluationUnit(db, id, only);
    authorize(viewer, 'performance.read', only);
  }
  const rows = await db
    .select()
    .from(evaluationUnits)
    .where(eq(evaluationUnits.evaluationId, id))
    .orderBy(asc(evaluationUnits.unitCode));
  const visible = rows.filter((u) => (only ? u.unitCode === only : can(viewer, 'performance.read', u.unitCode)));
  if (visible.length === 0) throw new AppError('forbidden');
  const draft = evaluation.status !== 'frozen';
  const catalogue = evaluation.catalogue ?? (await listIndicators(db, { activeOnly: true })).map(frozenIndicator);
  const results = draft
    ? new Map(
        // Every unit of the evaluation, even when one is shown: its rank is among them all.
        (
          await computeResults(
            db,
            evaluation,
            rows.map((u) => u.unitCode),
            catalogue,
          )
        ).map((r) => [r.unitCode, r]),
      )
    : null;
  const names = new Map((await evaluatedUnits(db)).map((u) => [u.code, u.name]));
  const evidence = await db
    .select()
    .from(evaluationEvidence)
    .where(eq(evaluationEvidence.evaluationId, id))
    .orderBy(asc(evaluationEvidence.uploadedAt));
  const order = new Map(Array.from(names.keys()).map((code, i) => [code, i]));
  const units = visible
    .map((u): UnitLine => {
      const result = results?.get(u.unitCode) ?? u.snapshot;
      return {
        unitCode: u.unitCode,
        unitName: u.snapshot?.unitName ?? names.get(u.unitCode) ?? u.unitCode,
        notes: u.notes,
        notesUpdatedAt: u.notesUpdatedAt,
        rows: result?.rows ?? [],
        score: result?.score ?? null,
        rank: result?.rank ?? null,
        evidence: evidence.filter((e) => e.unitCode === u.unitCode),
      };
    })
    .sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) || (order.get(a.unitCode) ?? 0) - (order.get(b.unitCode) ?? 0),
    );
  return { evaluation, draft, catalogue, units, unitCount: rows.length };
}

/** An evidence document of a unit the reader may see. */
export async function findEvidence(
  db: Executor,
  viewer: PerformanceViewer,
  evaluationId: string,
  evidenceId: string,
): Promise<EvaluationEvidence> {
  authorizeRole(viewer, 'performance.read');
  const [row] = await db
    .select()
    .from(evaluationEvidence)
    .where(and(eq(evaluationEvidence.id, evidenceId), eq(evaluationEvidence.evaluationId, evaluationId)));
  if (!row) throw new AppError('not_found');
  authorize(viewer, 'performance.read', row.unitCode);
  return row;
}
