import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { assignDuties } from '../roster/assign-duties.ts';
import type { AdoptedVillageView } from './list-adopted-villages.ts';
import type { ActivityInput } from './inputs.ts';
import { villageActivities, villageActivityActions, type VillageActivity } from './schema.ts';
import { villageFor } from './village-access.ts';

/**
 * Plans an activity in the village and puts its officers on the roster for the day (refused with `resource_busy`,
 * naming them, when any already has a duty that day; then nothing is written). An activity of today or the past
 * that comes with the people reached is recorded as held at once. The same request id from the same officer answers
 * with the activity it made.
 */
export async function planVillageActivity(
  tx: Tx,
  caller: Caller,
  code: string,
  input: ActivityInput,
  now = new Date(),
): Promise<VillageActivity> {
  const today = witaDate(now);
  const { village } = await villageFor(tx, caller.actor, code, 'adopted_village.act', today);
  const createdBy = caller.actor?.id ?? null;
  if (input.requestId && createdBy) {
    const [resent] = await tx
      .select()
      .from(villageActivities)
      .where(and(eq(villageActivities.createdBy, createdBy), eq(villageActivities.requestId, input.requestId)));
    if (resent) return resent;
  }
  await checkActivity(tx, village, input, today);
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
    .returning();
  const payload = { status: activity!.status, kind: input.kind, heldOn: input.heldOn, officerIds: input.officerIds };
  await tx.insert(villageActivityActions).values({
    activityId: activity!.id,
    type: held ? 'held' : 'planned',
    actorId: createdBy,
    payload: held ? { ...payload, peopleReached: input.peopleReached } : payload,
    requestId: input.requestId ?? null,
  });
  await assignDuties(tx, caller, {
    date: input.heldOn,
    unitCode: village.unitCode,
    kind: 'village',
    refId: activity!.id,
    officerIds: input.officerIds,
  });
  await appendAudit(tx, caller, {
    action: held ? 'adopted_village.activity_held' : 'adopted_village.activity_plan',
    targetType: 'village_activity',
    targetId: activity!.id,
    unitCode: village.unitCode,
    details: { villageCode: code, kind: input.kind, heldOn: input.heldOn, officerIds: input.officerIds },
  });
  return activity!;
}

async function checkActivity(tx: Tx, village: AdoptedVillageView, input: ActivityInput, today: IsoDate) {
  const errors: FieldErrors = {};
  if (input.heldOn < village.adoptedOn) errors.heldOn = 'adoptedVillages.v.beforeAdoption';
  else if (village.endedOn && input.heldOn >= village.endedOn) errors.heldOn = 'adoptedVillages.v.ended';
  if (input.peopleReached !== undefined && input.heldOn > today) errors.peopleReached = 'adoptedVillages.v.notYet';
  if (input.peopleReached === undefined && input.heldOn < today)
    errors.peopleReached = 'adoptedVillages.v.pastNeedsPeople';
  if (input.officerIds.length > 0) {
    const found = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(
        and(
          inArray(accounts.id, input.officerIds),
          eq(accounts.kind, 'officer'),
          eq(accounts.unitCode, village.unitCode),
          ne(accounts.role, 'partner'),
          isNull(accounts.disabledAt),
        ),
      );
    if (found.length !== new Set(input.officerIds).size) errors.officerIds = 'adoptedVillages.v.officerUnit';
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
}
