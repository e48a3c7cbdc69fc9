import { and, eq, inArray } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { findLodgings } from '../lodgings/find-lodgings.ts';
import { findVillagePlaces } from '../regions/find-village-places.ts';
import { authorize, authorizeRole } from './policy.ts';
import {
  operationActions,
  timporaOperations,
  timporaOperationTargets,
  timporaMeetings,
  timporaOperationTeams,
  timporaRecommendations,
  timporaTeams,
  type TimporaOperation,
} from './schema.ts';
import { timporaViewer, type TimporaViewer } from './timpora-viewer.ts';

export type OperationInput = {
  title: string;
  teamIds: string[];
  recommendationId?: string | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
  places: string;
  lodgingIds: string[];
  villageCodes: string[];
  requestId?: string | null;
};

async function operationErrors(
  tx: Tx,
  viewer: TimporaViewer,
  input: OperationInput,
  teamsFound: number,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (teamsFound !== new Set(input.teamIds).size) errors.teamIds = 'v.choose';
  if (input.endsOn < input.startsOn) errors.endsOn = 'timpora.v.endsBeforeStart';
  // A lodging the officer's units do not oversee is not theirs to visit.
  const lodgings = (await findLodgings(tx, input.lodgingIds)).filter((l) => viewer.scope.includes(l.unitCode));
  if (lodgings.length !== new Set(input.lodgingIds).size) errors.lodgingIds = 'timpora.v.lodging';
  const villages = await findVillagePlaces(tx, input.villageCodes);
  if (input.villageCodes.some((code) => !villages.has(code))) errors.villageCodes = 'v.village';
  if (input.recommendationId) {
    // The recommendation must come from a meeting of one of the operation's own teams.
    const [rec] = await tx
      .select({ id: timporaRecommendations.id })
      .from(timporaRecommendations)
      .innerJoin(timporaMeetings, eq(timporaMeetings.id, timporaRecommendations.meetingId))
      .where(
        and(eq(timporaRecommendations.id, input.recommendationId), inArray(timporaMeetings.teamId, input.teamIds)),
      );
    if (!rec) errors.recommendationId = 'timpora.v.recommendation';
  }
  return errors;
}

/**
 * A joint operation planned from a recommendation: the teams taking part (the first team's unit runs it; every team's
 * unit must be in the officer's scope), its targets and dates. It starts in `recommendation`; a resent request id answers with it.
 */
export async function createOperation(tx: Tx, caller: Caller, input: OperationInput): Promise<TimporaOperation> {
  authorizeRole(caller.actor, 'timpora.operate');
  if (input.requestId) {
    const [made] = await tx
      .select()
      .from(timporaOperations)
      .where(and(eq(timporaOperations.createdBy, caller.actor!.id), eq(timporaOperations.requestId, input.requestId)));
    if (made) return made;
  }
  const teams = await tx.select().from(timporaTeams).where(inArray(timporaTeams.id, input.teamIds));
  const lead = teams.find((t) => t.id === input.teamIds[0]);
  if (!lead) throw new AppError('validation_failed', { teamIds: 'v.choose' });
  const viewer = await timporaViewer(tx, caller.actor!);
  // Every team taking part, not only the lead, must be of a unit in the officer's scope.
  for (const team of teams)
    authorize(caller.actor, 'timpora.operate', { unitCode: team.unitCode, scope: viewer.scope });
  const errors = await operationErrors(tx, viewer, input, teams.length);
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const [operation] = await tx
    .insert(timporaOperations)
    .values({
      unitCode: lead.unitCode,
      title: input.title,
      recommendationId: input.recommendationId ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      places: input.places,
      createdBy: caller.actor!.id,
      requestId: input.requestId ?? null,
    })
    .returning();
  const id = operation!.id;
  await tx
    .insert(timporaOperationTeams)
    .values([...new Set(input.teamIds)].map((teamId) => ({ operationId: id, teamId })));
  const targets = [
    ...[...new Set(input.lodgingIds)].map((lodgingId) => ({ operationId: id, lodgingId })),
    ...[...new Set(input.villageCodes)].map((villageCode) => ({ operationId: id, villageCode })),
  ];
  if (targets.length > 0) await tx.insert(timporaOperationTargets).values(targets);
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: operationActions,
      entry: { operationId: id },
      record: timporaOperations,
      recordId: id,
      type: 'create',
      status: 'recommendation',
      requestId: input.requestId,
    },
    { action: 'timpora.operation.create', targetType: 'timpora_operation', targetId: id, unitCode: lead.unitCode },
  );
  return operation!;
}
