import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { evaluatedUnits } from './evaluated-units.ts';
import { listIndicators } from './list-indicators.ts';
import { authorize, type PerformanceViewer } from './policy.ts';
import { indicatorTargets } from './schema.ts';

/** The form's and the API's name of an indicator's target field. */
export const targetField = (code: string) => `target_${code}`;

/** A unit's targets for a year, by indicator code. */
export async function unitTargets(db: Executor, unitCode: string, year: number): Promise<Map<string, number>> {
  const rows = await db
    .select({ code: indicatorTargets.indicatorCode, target: indicatorTargets.target })
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.unitCode, unitCode), eq(indicatorTargets.year, year)));
  return new Map(rows.map((r) => [r.code, r.target]));
}

/** Every unit's targets for a year: unit code → indicator code → target. */
export async function yearTargets(db: Executor, unitCodes: string[], year: number) {
  const byUnit = new Map<string, Map<string, number>>(unitCodes.map((code) => [code, new Map()]));
  if (unitCodes.length === 0) return byUnit;
  const rows = await db
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.year, year), inArray(indicatorTargets.unitCode, unitCodes)));
  for (const r of rows) byUnit.get(r.unitCode)?.set(r.indicatorCode, r.target);
  return byUnit;
}

export type TargetInput = { indicatorCode: string; target: number | null };

/**
 * Sets a unit's targets for a year, all or none: an indicator not in the catalogue or a percentage above 100 refuses
 * the whole form, naming the field; a target left empty (null) removes that target. One audit entry names the changes.
 */
export async function setTargets(
  tx: Tx,
  caller: Caller,
  viewer: PerformanceViewer,
  input: { unitCode: string; year: number; targets: TargetInput[] },
): Promise<void> {
  authorize(viewer, 'performance.targets', input.unitCode);
  if (!(await evaluatedUnits(tx)).some((u) => u.code === input.unitCode))
    throw new AppError('validation_failed', { unitCode: 'v.invalid' });
  const catalogue = new Map((await listIndicators(tx)).map((i) => [i.code, i]));
  const errors: FieldErrors = {};
  for (const t of input.targets) {
    const indicator = catalogue.get(t.indicatorCode);
    if (!indicator) errors[targetField(t.indicatorCode)] = 'v.invalid';
    else if (t.target !== null && indicator.measure === 'percent' && t.target > 100)
      errors[targetField(t.indicatorCode)] = 'performance.v.percentAbove100';
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const where = (code: string) =>
    and(
      eq(indicatorTargets.indicatorCode, code),
      eq(indicatorTargets.unitCode, input.unitCode),
      eq(indicatorTargets.year, input.year),
    );
  for (const t of input.targets) {
    if (t.target === null) await tx.delete(indicatorTargets).where(where(t.indicatorCode));
    else
      await tx
        .insert(indicatorTargets)
        .values({
          indicatorCode: t.indicatorCode,
          unitCode: input.unitCode,
          year: input.year,
          target: t.target,
          updatedBy: caller.actor?.id ?? null,
        })
        .onConflictDoUpdate({
          target: [indicatorTargets.indicatorCode, indicatorTargets.unitCode, indicatorTargets.year],
          set: { target: t.target, updatedBy: caller.actor?.id ?? null, updatedAt: new Date() },
        });
  }
  await appendAudit(tx, caller, {
    action: 'performance.targets.set',
    targetType: 'unit',
    targetId: input.unitCode,
    unitCode: input.unitCode,
    details: { year: input.year, targets: input.targets },
  });
}
