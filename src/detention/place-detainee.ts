import { and, desc, eq, ne } from 'drizzle-orm';
import { getForeigner } from '../foreigners/get-foreigner.ts';
import type { TravelDocumentFields } from '../foreigners/read-travel-document-mrz.ts';
import { recordForeigners } from '../foreigners/record-foreigners.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays, witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { getUnit } from '../units/list-units.ts';
import { actorScope } from '../units/scope.ts';
import { ruleOn } from './detention-days.ts';
import { authorize, authorizeRole } from './policy.ts';
import {
  detaineeActions,
  detaineeProperty,
  detainees,
  type Block,
  type Detainee,
  type PlacementReason,
} from './schema.ts';

export type Placement = {
  foreignerId?: string;
  document?: TravelDocumentFields;
  unitCode: string;
  authorityUnitCode: string;
  reason: PlacementReason;
  place: string;
  decisionNumber: string;
  decisionDate: string;
  signedBy: string;
  caseRef?: string;
  placedOn: string;
  handedByAgency: string;
  handedByOfficer: string;
  handedOn: string;
  block: Block;
  room?: string;
  property: { item: string; quantity: number }[];
  requestId?: string | null;
};

const unitKind = async (tx: Tx, code: string) => (await getUnit(tx, code).catch(() => null))?.kind;

/**
 * The bed's unit must be a Rudenim, the authority that Rudenim or a Kantor Imigrasi; the dates in order (decision and
 * hand-over on or before the placement, the placement not in the future).
 */
async function checkPlacement(tx: Tx, input: Placement): Promise<void> {
  const errors: FieldErrors = {};
  if ((await unitKind(tx, input.unitCode)) !== 'rudenim') errors.unitCode = 'detention.v.rudenim';
  if (input.authorityUnitCode !== input.unitCode && (await unitKind(tx, input.authorityUnitCode)) !== 'kanim')
    errors.authorityUnitCode = 'detention.v.authority';
  if (input.decisionDate > input.placedOn) errors.decisionDate = 'detention.v.decisionAfterPlacement';
  if (input.handedOn > input.placedOn) errors.handedOn = 'detention.v.handedAfterPlacement';
  if (input.placedOn > witaDate()) errors.placedOn = 'detention.v.dayOutside';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
}

async function personOf(tx: Tx, input: Placement): Promise<string> {
  if (input.document) return (await recordForeigners(tx, [input.document]))[0]!;
  const id = input.foreignerId!;
  await getForeigner(tx, id).catch(() => {
    throw new AppError('validation_failed', { foreignerId: 'detention.v.unknownPerson' });
  });
  return id;
}

/** Days a transferred detainee may take to reach the receiving place and still be one detention. */
const TRANSFER_DAYS = 2;

/**
 * The person's latest detention when it ended by a transfer just before this placement: the new placement carries it
 * on (Pasal 85 counts the whole time held, not the time at this place). A transfer long ago starts no count, and a
 * placement before the latest detention ended (overlapping it) or of a person still detained is refused.
 */
async function transferredFrom(tx: Tx, foreignerId: string, placedOn: IsoDate): Promise<Detainee | null> {
  const [held] = await tx
    .select({ id: detainees.id })
    .from(detainees)
    .where(and(eq(detainees.foreignerId, foreignerId), ne(detainees.status, 'released')));
  if (held) throw new AppError('validation_failed', { foreignerId: 'detention.v.alreadyDetained' });
  const [latest] = await tx
    .select()
    .from(detainees)
    .where(eq(detainees.foreignerId, foreignerId))
    .orderBy(desc(detainees.releasedOn), desc(detainees.createdAt))
    .limit(1);
  if (latest?.releasedOn && placedOn < latest.releasedOn)
    throw new AppError('validation_failed', { placedOn: 'detention.v.overlapsEarlier' });
  const carried = latest?.releaseReason === 'transferred' && placedOn <= addDays(latest.releasedOn!, TRANSFER_DAYS);
  return carried ? latest : null;
}

/**
 * Places a person in detention on a written decision (Pasal 84) with the hand-over record and the property deposited
 * at intake, in the caller's transaction. The Rudenim's officers record it (it gives the bed); a titipan placement
 * names the Kantor Imigrasi that keeps authority. A resent request id answers with the first placement.
 */
export async function placeDetainee(tx: Tx, caller: Caller, input: Placement): Promise<Detainee> {
  authorizeRole(caller.actor, 'detention.place');
  authorize(caller.actor, 'detention.place', { unitCode: input.unitCode, scope: await actorScope(tx, caller.actor) });
  if (input.requestId) {
    const [resent] = await tx
      .select()
      .from(detainees)
      .where(and(eq(detainees.requestId, input.requestId), eq(detainees.createdBy, caller.actor!.id)));
    if (resent) return resent;
  }
  await checkPlacement(tx, input);
  await ruleOn(tx, input.placedOn);
  const foreignerId = await personOf(tx, input);
  const earlier = await transferredFrom(tx, foreignerId, input.placedOn);
  const [detainee] = await tx
    .insert(detainees)
    .values({
      foreignerId,
      unitCode: input.unitCode,
      authorityUnitCode: input.authorityUnitCode,
      reason: input.reason,
      place: input.place,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      signedBy: input.signedBy,
      caseRef: input.caseRef ?? null,
      placedOn: input.placedOn,
      firstPlacedOn: earlier ? (earlier.firstPlacedOn ?? earlier.placedOn) : null,
      transferredFromId: earlier?.id ?? null,
      handedByAgency: input.handedByAgency,
      handedByOfficer: input.handedByOfficer,
      handedOn: input.handedOn,
      block: input.block,
      room: input.room ?? null,
      requestId: input.requestId ?? null,
      createdBy: caller.actor?.id ?? null,
    })
    .returning();
  if (input.property.length > 0)
    await tx.insert(detaineeProperty).values(
      input.property.map((p) => ({
        detaineeId: detainee!.id,
        direction: 'in' as const,
        item: p.item,
        quantity: p.quantity,
        on: input.placedOn,
        requestId: input.requestId ?? null,
      })),
    );
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: detaineeActions,
      entry: { detaineeId: detainee!.id },
      record: detainees,
      recordId: detainee!.id,
      type: 'place',
      status: 'detained',
      payload: {
        decisionNumber: input.decisionNumber,
        reason: input.reason,
        authorityUnitCode: input.authorityUnitCode,
        handedByAgency: input.handedByAgency,
        property: input.property,
      },
      requestId: input.requestId,
    },
    {
      action: 'detainee.place',
      targetType: 'detainee',
      targetId: detainee!.id,
      unitCode: input.unitCode,
      details: { authorityUnitCode: input.authorityUnitCode, reason: input.reason },
    },
  );
  return detainee!;
}
