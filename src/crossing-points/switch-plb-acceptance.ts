import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { organisationRoot } from '../units/organisation-root.ts';
import { actorScope } from '../units/scope.ts';
import { getCrossingPoint, type CrossingPoint } from './get-crossing-point.ts';
import { authorize } from './policy.ts';
import { crossingPoints, plbSwitches } from './schema.ts';

export type PlbSwitchInput = {
  code: string;
  accepts: boolean;
  effectiveFrom: IsoDate;
  reason: string;
  requestId?: string | null;
};

/**
 * Records whether the point's counterpart accepts the Pas Lintas Batas from a WITA day on, with who and why, and the
 * audit entry in the same transaction. A day before today is refused: a crossing already judged must stay explained
 * by the switch that was in force. A resent form (same request id) changes nothing.
 */
export async function switchPlbAcceptance(
  tx: Tx,
  caller: Caller,
  input: PlbSwitchInput,
  now = new Date(),
): Promise<CrossingPoint> {
  // One switch at a time per point, so two heads of office never interleave their histories.
  await tx
    .select({ code: crossingPoints.code })
    .from(crossingPoints)
    .where(eq(crossingPoints.code, input.code))
    .for('update');
  const point = await getCrossingPoint(tx, input.code);
  const target = {
    unitCode: point.unitCode,
    scope: await actorScope(tx, caller.actor),
    root: await organisationRoot(tx),
  };
  authorize(caller.actor, 'crossing_point.switch_plb', target);
  if (input.requestId && point.plbSwitches.some((s) => s.requestId === input.requestId)) return point;
  if (!point.documents.includes('plb')) throw new AppError('validation_failed', { accepts: 'crossingPoints.v.noPlb' });
  if (input.effectiveFrom < witaDate(now))
    throw new AppError('validation_failed', { effectiveFrom: 'crossingPoints.v.pastDay' });
  const [row] = await tx
    .insert(plbSwitches)
    .values({
      pointCode: point.code,
      accepts: input.accepts,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason,
      switchedBy: caller.actor?.id ?? null,
      switchedAt: now,
      requestId: input.requestId ?? null,
    })
    .returning();
  await appendAudit(tx, caller, {
    action: 'crossing_point.plb_switched',
    targetType: 'crossing_point',
    targetId: point.code,
    unitCode: point.unitCode,
    details: { switchId: row!.id, accepts: input.accepts, effectiveFrom: input.effectiveFrom, reason: input.reason },
  });
  return { ...point, plbSwitches: [row!, ...point.plbSwitches] };
}
