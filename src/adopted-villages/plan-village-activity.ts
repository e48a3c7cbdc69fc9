import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { assignDuties } from '../roster/assign-duties.ts';
import type { ActivityInput } from './inputs.ts';
import { activityOfficers, listOfficeOfficers } from './list-office-officers.ts';
import type { VillageTarget } from './policy.ts';
import type { AdoptedVillageView } from './list-adopted-villages.ts';
import { villageActivities, villageActivityActions, type VillageActivity } from './schema.ts';
import { villageFor } from './village-access.ts';

/**
 * Plans an activity in the village and puts its officers on the roster for the day (refused with `resource_busy`,
 * naming them, when any already has a duty that day; then nothing is written). An activity of today or the past
 * that comes with the people reached is recorded as held at once. Today's still puts its officers on today's roster
 * (an officer at the counter today cannot be recorded out in the village); a past day's is over, so its officers
 * are named in its history and go on no roster (a counter duty they had that day stays true). The same request id
 * from the same officer with the same body answers with the activity it made; with another body or village,
 * `conflict`.
 */
export async function planVillageActivity(
  tx: Tx,
  caller: Caller,
  code: string,
  input: ActivityInput,
  now = new Date(),
): Promise<VillageActivity> {
  const today = witaDate(now);
  const { village, target } = await villageFor(tx, caller.actor, code, 'adopted_village.act', today);
  const createdBy = caller.actor?.id ?? null;
  if (input.requestId && createdBy) {
    const resent = await sentBefore(tx, createdBy, input.requestId, code, input);
    if (resent) return resent;
  }
  await checkActivity(tx, caller.actor!, { village, target }, input, today);
  const held = input.peopleReached !== undefined;
  const [activity] = await tx
    .insert(villageActivities)
    .values({
      villageCode: code,
      unitCode: village.unitCode,
      kind: input.kind,
      status: held ? 'held' : 'planned',
      heldOn: input.heldOn,
      topics: input.topics,
      peopleReached: input.peopleReached ?? null,
      note: input.note,
      createdBy,
      requestId: input.requestId ?? null,
    })
    // Two copies of one request racing: the unique request id lets one in; the other finds it once it is written.
    .onConflictDoNothing()
    .returning();
  if (!activity) {
    const sent = input.requestId && createdBy && (await sentBefore(tx, createdBy, input.requestId, code, input));
    if (!sent) throw new AppError('conflict');
    return sent;
  }
  await tx.insert(villageActivityActions).values({
    activityId: activity.id,
    type: held ? 'held' : 'planned',
    actorId: createdBy,
    payload: { status: activity.status, ...bodyOf(input) },
    requestId: input.requestId ?? null,
  });
  if (!held || input.heldOn === today)
    await assignDuties(tx, caller, {
      date: input.heldOn,
      unitCode: village.unitCode,
      kind: 'village',
      refId: activity.id,
      officerIds: input.officerIds,
    });
  await appendAudit(tx, caller, {
    action: held ? 'adopted_village.activity_held' : 'adopted_village.activity_plan',
    targetType: 'village_activity',
    targetId: activity.id,
    unitCode: village.unitCode,
    details: { villageCode: code, kind: input.kind, heldOn: input.heldOn, officerIds: input.officerIds },
  });
  return activity;
}

/** What a request asked for, as the first history entry keeps it (later steps change the activity, not this). */
const bodyOf = (input: ActivityInput) => ({
  kind: input.kind,
  heldOn: input.heldOn,
  topics: input.topics,
  officerIds: [...new Set(input.officerIds)].sort(),
  note: input.note,
  ...(input.peopleReached !== undefined ? { peopleReached: input.peopleReached } : {}),
});

/** The activity an earlier request with this id made, if its village and body are the same; else `conflict`. */
async function sentBefore(
  tx: Tx,
  createdBy: string,
  requestId: string,
  code: string,
  input: ActivityInput,
): Promise<VillageActivity | null> {
  const [sent] = await tx
    .select({ activity: villageActivities, payload: villageActivityActions.payload })
    .from(villageActivities)
    .innerJoin(
      villageActivityActions,
      and(eq(villageActivityActions.activityId, villageActivities.id), eq(villageActivityActions.requestId, requestId)),
    )
    .where(and(eq(villageActivities.createdBy, createdBy), eq(villageActivities.requestId, requestId)));
  if (!sent) return null;
  const { status: _, ...body } = sent.payload;
  const want = bodyOf(input);
  // Field by field: jsonb keeps an object's keys in its own order.
  const same =
    sent.activity.villageCode === code &&
    Object.keys(body).length === Object.keys(want).length &&
    Object.entries(want).every(([key, value]) => JSON.stringify(body[key]) === JSON.stringify(value));
  if (!same) throw new AppError('conflict');
  return sent.activity;
}

async function checkActivity(
  tx: Tx,
  actor: Actor,
  access: { village: AdoptedVillageView; target: VillageTarget },
  input: ActivityInput,
  today: IsoDate,
) {
  const { village } = access;
  const errors: FieldErrors = {};
  if (input.heldOn < village.adoptedOn) errors.heldOn = 'adoptedVillages.v.beforeAdoption';
  else if (village.endedOn && input.heldOn >= village.endedOn) errors.heldOn = 'adoptedVillages.v.ended';
  if (input.peopleReached !== undefined && input.heldOn > today) errors.peopleReached = 'adoptedVillages.v.notYet';
  if (input.peopleReached === undefined && input.heldOn < today)
    errors.peopleReached = 'adoptedVillages.v.pastNeedsPeople';
  if (input.officerIds.length > 0) {
    const [staff, allowed] = await Promise.all([
      listOfficeOfficers(tx, village.unitCode),
      activityOfficers(tx, actor, village, access.target),
    ]);
    const has = (list: { id: string }[]) => input.officerIds.every((id) => list.some((o) => o.id === id));
    if (!has(staff)) errors.officerIds = 'adoptedVillages.v.officerUnit';
    else if (!has(allowed)) errors.officerIds = 'adoptedVillages.v.officerNotAllowed';
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
}
