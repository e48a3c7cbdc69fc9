import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import type { StateChangeInput } from './roadmap-inputs.ts';
import { getUnit, servingStates } from './list-units.ts';
import { authorize } from './policy.ts';
import { unitStateChanges, units, type Unit } from './schema.ts';
import { unitTarget } from './unit-target.ts';
import { stateWorkflow } from './workflow.ts';

/**
 * How many live (booked or paid) appointments a unit holds on `from` or later. Appointments sit above units, so
 * app.ts hands units this count (appointments' countLiveAppointmentsAt).
 */
export type LiveAppointmentsAt = (db: Executor, unitCode: string, from: IsoDate) => Promise<number>;

/**
 * The only way a unit's state changes: the step allowed from the current state and to the caller, effective on a
 * day not in the future and not before the current state began, with a note. The history row, the unit and the
 * audit entry change together. A step that stops service (close, replan) is refused while appointments from today
 * on are still live at the unit: they are moved first, as nothing would move them afterwards. A resent request id answers with the unit as it is (a conflict when that id made
 * another step). Units are keyed by code and keep their status as `state`, so the history is written here rather
 * than through recordWorkflowAction, with the same columns.
 */
export async function changeUnitState(
  tx: Tx,
  caller: Caller,
  code: string,
  input: StateChangeInput,
  liveAppointmentsAt: LiveAppointmentsAt,
  now = new Date(),
): Promise<Unit> {
  const step = stateWorkflow[input.step];
  const { unit, target } = await unitTarget(tx, caller.actor, code, true);
  authorize(caller.actor, step.by, target);
  const resent = await findActionByRequest(tx, unitStateChanges, unitStateChanges.unitCode, code, input.requestId);
  if (resent) {
    if (resent.type !== input.step || resent.payload.effectiveOn !== input.effectiveOn) throw new AppError('conflict');
    return getUnit(tx, code);
  }
  assertStepAllowed(stateWorkflow, input.step, unit.state);
  if (input.effectiveOn > witaDate(now)) throw new AppError('validation_failed', { effectiveOn: 'units.v.future' });
  if (unit.stateSince && input.effectiveOn < unit.stateSince)
    throw new AppError('validation_failed', { effectiveOn: 'units.v.beforeSince' });
  const to = step.to!;
  if (!servingStates.includes(to)) {
    const count = await liveAppointmentsAt(tx, code, witaDate(now));
    if (count > 0) throw new AppError('validation_failed', { step: 'units.v.liveAppointments' }, { count });
  }
  await tx.insert(unitStateChanges).values({
    unitCode: code,
    type: input.step,
    actorId: caller.actor?.id ?? null,
    payload: { from: unit.state, status: to, effectiveOn: input.effectiveOn, note: input.note },
    requestId: input.requestId ?? null,
  });
  await tx.update(units).set({ state: to, stateSince: input.effectiveOn, updatedAt: now }).where(eq(units.code, code));
  await appendAudit(tx, caller, {
    action: `unit.state_${input.step}`,
    targetType: 'unit',
    targetId: code,
    unitCode: code,
    details: { from: unit.state, to, effectiveOn: input.effectiveOn },
  });
  return getUnit(tx, code);
}
