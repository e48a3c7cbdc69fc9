import { and, eq, isNull } from 'drizzle-orm';
import { getCrossingPoint } from '../crossing-points/get-crossing-point.ts';
import { endDetentionOnDeportation } from '../detention/end-detention.ts';
import { recordDeparture } from '../foreigners/record-departure.ts';
import { checkOutDeparted } from '../lodgings/check-out-departed.ts';
import { closeOverstays } from '../overstays/close-overstays.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { cancelStayPermit } from '../stay-permits/cancel-stay-permit.ts';
import { endStayPermit } from '../stay-permits/end-stay-permit.ts';
import { getStayPermit } from '../stay-permits/get-stay-permit.ts';
import { listPermitsOfForeigner } from '../stay-permits/list-permits-of-foreigner.ts';
import type { StayPermit } from '../stay-permits/schema.ts';
import type { CaseStepInput, DeportationInput } from './case-steps.ts';
import { deportations, enforcementMeasures, type EnforcementCase, type EnforcementMeasure } from './schema.ts';
import { assertDateBetween } from './step-dates.ts';

type Execution = Extract<CaseStepInput, { step: 'execute' }>;

async function pendingMeasure(tx: Tx, caseId: string, measureId: string): Promise<EnforcementMeasure> {
  const [measure] = await tx
    .select()
    .from(enforcementMeasures)
    .where(
      and(
        eq(enforcementMeasures.id, measureId),
        eq(enforcementMeasures.caseId, caseId),
        isNull(enforcementMeasures.executedAt),
      ),
    );
  if (!measure) throw new AppError('validation_failed', { measureId: 'enforcement.v.notPending' });
  return measure;
}

/**
 * A deported holder's permits end with the deportation (UU 6/2011: a stay permit ends when its holder is deported):
 * one still running ends on the day they left, one not yet begun is cancelled. One that had already lapsed is left as
 * it is, so the days overstayed stay owed.
 */
async function endPermitsOnDeportation(tx: Tx, caller: Caller, found: EnforcementCase, departOn: IsoDate) {
  const reference = found.decisionNumber;
  for (const permit of await listPermitsOfForeigner(tx, found.foreignerId)) {
    if (permit.status !== 'active' || permit.validUntil < departOn) continue;
    if (permit.validFrom <= departOn)
      await endStayPermit(tx, caller, { permitId: permit.id, leaveBy: departOn, reference });
    else await cancelStayPermit(tx, caller, { permitId: permit.id, reason: 'deportation', reference });
  }
}

/**
 * The decided end, carried out: never before today (a decision carried out late does not make the holder an
 * overstayer for days already past), and never later than the permit now ends, nor on a permit that has lapsed.
 */
async function cutPermitShort(tx: Tx, caller: Caller, permit: StayPermit, decided: IsoDate, reference: string | null) {
  const today = witaDate();
  if (permit.validUntil < today) return;
  const leaveBy = decided < today ? today : decided;
  if (leaveBy < permit.validUntil) await endStayPermit(tx, caller, { permitId: permit.id, leaveBy, reference });
}

/**
 * The deportation as carried out (so not on a later day), through a crossing point or airport the crossing-points
 * register knows: the person's departure goes into the foreigners register as the crossing desk's does, closing their
 * overstays and checking them out of their lodgings; a detainee is released from the Rudenim as deported.
 */
async function deport(
  tx: Tx,
  caller: Caller & { actor: Actor },
  found: EnforcementCase,
  input: DeportationInput,
): Promise<string> {
  assertDateBetween('departOn', input.departOn, found.decidedOn);
  const point = await getCrossingPoint(tx, input.crossingPointCode).catch(() => {
    throw new AppError('validation_failed', { crossingPointCode: 'v.choose' });
  });
  const [row] = await tx
    .insert(deportations)
    .values({
      caseId: found.id,
      unitCode: found.unitCode,
      nationality: found.nationality,
      departOn: input.departOn,
      carrier: input.carrier,
      ticketNumber: input.ticketNumber,
      flightOrVessel: input.flightOrVessel || null,
      crossingPointCode: input.crossingPointCode,
      escorts: input.escorts,
      embassy: input.embassy,
      letterNumber: input.letterNumber,
      recordedBy: caller.actor.id,
    })
    .returning({ id: deportations.id });
  await recordDeparture(
    tx,
    caller,
    { who: { foreignerId: found.foreignerId }, departedOn: input.departOn, place: point.name, requestId: row!.id },
    closeOverstays,
  );
  const at = input.departOn === witaDate() ? new Date() : witaInstant(input.departOn, '23:59');
  await checkOutDeparted(tx, caller, { foreignerId: found.foreignerId, at });
  await endPermitsOnDeportation(tx, caller, found, input.departOn);
  await endDetentionOnDeportation(tx, caller, {
    foreignerId: found.foreignerId,
    caseRef: found.decisionNumber ?? found.id,
    on: input.departOn,
    requestId: row!.id,
  });
  return row!.id;
}

/**
 * One decided action carried out: a permit cancelled, or cut short to the decided end, through stay-permits' own use
 * cases (its history names this case's decision), a deportation with its ticket, escort, exit point and the embassy's
 * letter; the other actions with the officer's note. The case is executed once no decided action waits.
 */
export async function executeMeasure(
  tx: Tx,
  caller: Caller & { actor: Actor },
  found: EnforcementCase,
  input: Execution,
): Promise<{ payload: Record<string, unknown>; allExecuted: boolean }> {
  const measure = await pendingMeasure(tx, found.id, input.measureId);
  let deportationId: string | null = null;
  // A deportation carried out first has ended the permit already: nothing is left to cancel or cut short.
  const permit = measure.type === 'permit' ? await getStayPermit(tx, measure.permitId!) : null;
  if (permit?.status === 'active') {
    const permitId = permit.id;
    const reference = found.decisionNumber;
    if (measure.validUntil) await cutPermitShort(tx, caller, permit, measure.validUntil, reference);
    else await cancelStayPermit(tx, caller, { permitId, reason: measure.basis, reference });
  }
  if (measure.type === 'deportation') {
    if (!input.deportation) throw new AppError('validation_failed', { departOn: 'v.required' });
    deportationId = await deport(tx, caller, found, input.deportation);
  }
  await tx
    .update(enforcementMeasures)
    .set({ executedAt: new Date(), executedBy: caller.actor.id, note: input.note || null })
    .where(eq(enforcementMeasures.id, measure.id));
  const waiting = await tx
    .select({ id: enforcementMeasures.id })
    .from(enforcementMeasures)
    .where(and(eq(enforcementMeasures.caseId, found.id), isNull(enforcementMeasures.executedAt)));
  return {
    payload: { measureId: measure.id, type: measure.type, ...(deportationId ? { deportationId } : {}) },
    allExecuted: waiting.length === 0,
  };
}
