import { and, eq, gte } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { releaseDuties } from '../roster/assign-duties.ts';
import type { ActivityActionInput } from './inputs.ts';
import type { AdoptedVillageView } from './list-adopted-villages.ts';
import { villageActivities, villageActivityActions, type VillageActivity } from './schema.ts';
import { villageFor } from './village-access.ts';
import { activityWorkflow } from './workflow.ts';

async function lockActivity(tx: Tx, code: string, id: string): Promise<VillageActivity> {
  const [activity] = await tx
    .select()
    .from(villageActivities)
    .where(and(eq(villageActivities.id, id), eq(villageActivities.villageCode, code)))
    .for('update');
  if (!activity) throw new AppError('not_found');
  return activity;
}

/**
 * Every change to an activity goes through here: the right checked on its village, a resent request id answered
 * with the activity as it is (refused as a conflict when it made another step), the step allowed from its status;
 * `held` records the people reached (and the topics and note as they turned out), `cancel` frees its officers on the
 * roster.
 */
export async function performActivityAction(
  tx: Tx,
  caller: Caller,
  target: { code: string; activityId: string },
  input: ActivityActionInput,
  now = new Date(),
): Promise<VillageActivity> {
  const step = activityWorkflow[input.step];
  const today = witaDate(now);
  const { village } = await villageFor(tx, caller.actor, target.code, step.by, today);
  const activity = await lockActivity(tx, target.code, target.activityId);
  const resent = await findActionByRequest(
    tx,
    villageActivityActions,
    villageActivityActions.activityId,
    activity.id,
    input.requestId,
  );
  if (resent) {
    // The same id with another step (or another count of people reached) is a mistake, not a resend: say so.
    const sameStep = resent.type === (step.records ?? input.step);
    const sameCount = input.step !== 'held' || resent.payload.peopleReached === input.peopleReached;
    if (!sameStep || !sameCount) throw new AppError('conflict');
    return activity;
  }
  await applyStep(tx, caller, village.unitCode, activity, input, today);
  return lockActivity(tx, target.code, activity.id);
}

/**
 * Cancels the activities still planned on or after `day` (the village's adoption ends then), freeing their officers
 * on the roster, each through the workflow with its history and audit entry. The caller has already been allowed to
 * end the adoption, which is more than cancelling an activity.
 */
export async function cancelActivitiesFrom(tx: Tx, caller: Caller, village: AdoptedVillageView, day: IsoDate) {
  const planned = await tx
    .select()
    .from(villageActivities)
    .where(
      and(
        eq(villageActivities.villageCode, village.villageCode),
        eq(villageActivities.status, 'planned'),
        gte(villageActivities.heldOn, day),
      ),
    )
    .for('update');
  for (const activity of planned)
    await applyStep(tx, caller, village.unitCode, activity, { step: 'cancel', note: 'adoption_ended' }, day);
}

async function applyStep(
  tx: Tx,
  caller: Caller,
  unitCode: string,
  activity: VillageActivity,
  input: ActivityActionInput,
  today: IsoDate,
): Promise<void> {
  const step = activityWorkflow[input.step];
  assertStepAllowed(activityWorkflow, input.step, activity.status);
  let set: Partial<VillageActivity> = {};
  if (input.step === 'held') {
    if (activity.heldOn > today) throw new AppError('validation_failed', { peopleReached: 'adoptedVillages.v.notYet' });
    if (input.peopleReached === undefined) throw new AppError('validation_failed', { peopleReached: 'v.required' });
    set = {
      peopleReached: input.peopleReached,
      ...(input.topics && input.topics.length > 0 ? { topics: input.topics } : {}),
      ...(input.note ? { note: input.note } : {}),
    };
  } else await releaseDuties(tx, activity.id);
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: villageActivityActions,
      entry: { activityId: activity.id },
      record: villageActivities,
      recordId: activity.id,
      type: step.records ?? input.step,
      status: step.to,
      set,
      payload: { ...set, ...(input.step === 'cancel' && input.note ? { note: input.note } : {}) },
      requestId: input.requestId,
    },
    {
      action: `adopted_village.activity_${input.step}`,
      targetType: 'village_activity',
      targetId: activity.id,
      unitCode,
      details: { villageCode: activity.villageCode },
    },
  );
}
