import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { getTeam } from './manage-teams.ts';
import { authorize, authorizeRole } from './policy.ts';
import {
  recommendationActions,
  timporaMeetings,
  timporaRecommendations,
  type TimporaRecommendation,
} from './schema.ts';
import { targetFor, timporaViewer } from './timpora-viewer.ts';
import { recommendationWorkflow, type RecommendationStep } from './workflow.ts';

async function lockRecommendation(tx: Tx, id: string): Promise<TimporaRecommendation> {
  const [rec] = await tx.select().from(timporaRecommendations).where(eq(timporaRecommendations.id, id)).for('update');
  if (!rec) throw new AppError('not_found');
  return rec;
}

/**
 * A recommendation's follow-up: a note while it is open, or done. The team's officers may write either; a partner
 * only on what its own agency was asked to do. A resent request id changes nothing.
 */
export async function performRecommendationAction(
  tx: Tx,
  caller: Caller,
  input: {
    recommendationId: string;
    /** The meeting the page addressed it under: another meeting's recommendation is not found there. */
    meetingId?: string;
    step: RecommendationStep;
    note: string;
    requestId?: string | null;
  },
): Promise<TimporaRecommendation> {
  const step = recommendationWorkflow[input.step];
  authorizeRole(caller.actor, step.by);
  const rec = await lockRecommendation(tx, input.recommendationId);
  if (input.meetingId !== undefined && rec.meetingId !== input.meetingId) throw new AppError('not_found');
  const [meeting] = await tx.select().from(timporaMeetings).where(eq(timporaMeetings.id, rec.meetingId));
  const team = await getTeam(tx, meeting!.teamId);
  const viewer = await timporaViewer(tx, caller.actor!);
  authorize(caller.actor, step.by, {
    ...targetFor(viewer, team.unitCode, [team.id]),
    ownAgency: viewer.partner?.agencyId === rec.agencyId,
  });
  const resent = await findActionByRequest(
    tx,
    recommendationActions,
    recommendationActions.recommendationId,
    rec.id,
    input.requestId,
  );
  if (resent) return rec;
  assertStepAllowed(recommendationWorkflow, input.step, rec.status);
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: recommendationActions,
      entry: { recommendationId: rec.id },
      record: timporaRecommendations,
      recordId: rec.id,
      type: input.step,
      status: step.to,
      set: step.to === 'done' ? { doneAt: new Date() } : {},
      payload: { note: input.note, ...(viewer.partner ? { agencyId: viewer.partner.agencyId } : {}) },
      requestId: input.requestId,
    },
    {
      action: `timpora.recommendation.${input.step}`,
      targetType: 'timpora_recommendation',
      targetId: rec.id,
      unitCode: team.unitCode,
    },
  );
  return lockRecommendation(tx, rec.id);
}
