import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import { closeDetention } from './close-detention.ts';
import { countDetention, countsFrom, ruleOn } from './detention-days.ts';
import type { DetaineeActionBody } from './inputs.ts';
import { listProperty } from './list-property.ts';
import { authorize, authorizeRole } from './policy.ts';
import { detaineeActions, detaineeHealthChecks, detaineeProperty, detainees, type Detainee } from './schema.ts';
import { detaineeWorkflow } from './workflow.ts';

export async function lockDetainee(tx: Tx, id: string): Promise<Detainee> {
  const [detainee] = await tx.select().from(detainees).where(eq(detainees.id, id)).for('update');
  if (!detainee) throw new AppError('not_found');
  return detainee;
}

/** The day a step names: not before the placement, not after today (WITA). */
function stepDay(input: DetaineeActionBody): string | null {
  if ('on' in input) return input.on;
  return input.step === 'leave' ? input.from : null;
}

/** What the step changes beyond its history entry: ledger rows, a health check, the record's columns. */
async function applyStep(tx: Tx, detainee: Detainee, input: DetaineeActionBody) {
  const entry = (direction: 'in' | 'out', item: string, quantity: number, on: string) => ({
    detaineeId: detainee.id,
    direction,
    item,
    quantity,
    on,
    requestId: input.requestId ?? null,
  });
  switch (input.step) {
    case 'move':
      return {
        set: { block: input.block, room: input.room ?? null },
        payload: { block: input.block, room: input.room },
      };
    case 'property_in':
      await tx.insert(detaineeProperty).values(entry('in', input.item, input.quantity, input.on));
      return { payload: { item: input.item, quantity: input.quantity, on: input.on } };
    case 'property_out': {
      const held = (await listProperty(tx, detainee.id)).balance.find((b) => b.item === input.item)?.quantity ?? 0;
      if (input.quantity > held) throw new AppError('validation_failed', { quantity: 'detention.v.notHeld' });
      await tx.insert(detaineeProperty).values(entry('out', input.item, input.quantity, input.on));
      return { payload: { item: input.item, quantity: input.quantity, on: input.on } };
    }
    case 'health_check':
      // The findings stay in their own table, which only the Rudenim's officers read; the history says a check was made.
      await tx
        .insert(detaineeHealthChecks)
        .values({ detaineeId: detainee.id, checkedOn: input.on, examiner: input.examiner, findings: input.findings });
      return { payload: { on: input.on } };
    case 'visit':
      return { payload: { visitorName: input.visitorName, relation: input.relation, on: input.on, time: input.time } };
    case 'leave':
      return { payload: { from: input.from, to: input.to, reason: input.reason } };
    case 'return':
      return { payload: { on: input.on } };
    case 'review':
      return { set: { lastReviewedOn: input.on }, payload: { on: input.on, note: input.note } };
    default:
      return { payload: {} };
  }
}

/**
 * Every change to a detainee after placement goes through here, in the caller's transaction: the record locked, the
 * caller's right checked against the unit the step belongs to (policy.ts), a resent request id answered with the
 * record as it is, the step allowed from the current status (else invalid_transition and nothing changes), then the
 * step's rows, the action, the status and the audit entry together.
 */
export async function performDetaineeAction(tx: Tx, caller: Caller, detaineeId: string, input: DetaineeActionBody) {
  const rule = detaineeWorkflow[input.step];
  authorizeRole(caller.actor, rule.by);
  const detainee = await lockDetainee(tx, detaineeId);
  const scope = await actorScope(tx, caller.actor);
  authorize(caller.actor, rule.by, { ...detainee, scope });
  if (await findActionByRequest(tx, detaineeActions, detaineeActions.detaineeId, detainee.id, input.requestId))
    return detainee;
  assertStepAllowed(detaineeWorkflow, input.step, detainee.status);
  const day = stepDay(input);
  if (day && (day < detainee.placedOn || day > witaDate()))
    throw new AppError('validation_failed', { [input.step === 'leave' ? 'from' : 'on']: 'detention.v.dayOutside' });
  // Pasal 85: release to live outside under conditions is for a detainee whose limit is reached.
  if (input.step === 'release' && input.reason === 'conditional') {
    const { limitOn } = countDetention(detainee, await ruleOn(tx, countsFrom(detainee)), input.on);
    if (input.on < limitOn) throw new AppError('validation_failed', { reason: 'detention.v.beforeLimit' });
  }
  if (input.step === 'transfer' || input.step === 'release') {
    const transfer = input.step === 'transfer';
    await closeDetention(tx, caller, detainee, {
      type: input.step,
      on: input.on,
      reason: transfer ? 'transferred' : input.reason,
      reference: (transfer ? input.to : input.reference) ?? null,
      requestId: input.requestId,
    });
    return lockDetainee(tx, detainee.id);
  }
  const { set, payload } = await applyStep(tx, detainee, input);
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: detaineeActions,
      entry: { detaineeId: detainee.id },
      record: detainees,
      recordId: detainee.id,
      type: input.step,
      status: rule.to,
      set,
      payload,
      requestId: input.requestId,
    },
    { action: `detainee.${input.step}`, targetType: 'detainee', targetId: detainee.id, unitCode: detainee.unitCode },
  );
  return lockDetainee(tx, detainee.id);
}
