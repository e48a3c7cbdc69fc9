import { and, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { authorize } from './policy.ts';
import type { MilestoneInput } from './roadmap-inputs.ts';
import { roadmapMilestoneActions, roadmapMilestones, type RoadmapMilestone } from './schema.ts';
import { unitTarget } from './unit-target.ts';

/** Whether a resent request asks for what its first request made (older entries kept no note). */
const sameRequest = (payload: Record<string, unknown>, input: MilestoneInput) =>
  payload.title === input.title &&
  payload.targetDate === (input.targetDate ?? null) &&
  payload.targetQuarter === (input.targetQuarter ?? null) &&
  (payload.note === undefined || payload.note === input.note);

/**
 * Puts a milestone on a unit's roadmap, planned, with its first history entry and an audit entry. The unit row is
 * locked, so a resent request id finds the milestone its first request made and adds no second one; the same id
 * for another milestone is a conflict.
 */
export async function addRoadmapMilestone(
  tx: Tx,
  caller: Caller,
  code: string,
  input: MilestoneInput,
): Promise<RoadmapMilestone> {
  const { target } = await unitTarget(tx, caller.actor, code, true);
  authorize(caller.actor, 'unit.manage_post', target);
  if (input.requestId) {
    const [made] = await tx
      .select({ milestone: roadmapMilestones, payload: roadmapMilestoneActions.payload })
      .from(roadmapMilestoneActions)
      .innerJoin(roadmapMilestones, eq(roadmapMilestones.id, roadmapMilestoneActions.milestoneId))
      .where(
        and(
          eq(roadmapMilestones.unitCode, code),
          eq(roadmapMilestoneActions.type, 'planned'),
          eq(roadmapMilestoneActions.requestId, input.requestId),
        ),
      );
    if (made) {
      if (!sameRequest(made.payload, input)) throw new AppError('conflict');
      return made.milestone;
    }
  }
  const values = {
    unitCode: code,
    title: input.title,
    targetDate: input.targetDate ?? null,
    targetQuarter: input.targetQuarter ?? null,
    note: input.note,
  };
  const [milestone] = await tx.insert(roadmapMilestones).values(values).returning();
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: roadmapMilestoneActions,
      entry: { milestoneId: milestone!.id },
      record: roadmapMilestones,
      recordId: milestone!.id,
      type: 'planned',
      status: 'planned',
      payload: {
        title: values.title,
        targetDate: values.targetDate,
        targetQuarter: values.targetQuarter,
        note: values.note,
      },
      requestId: input.requestId,
    },
    {
      action: 'unit.milestone_add',
      targetType: 'roadmap_milestone',
      targetId: milestone!.id,
      unitCode: code,
      details: { title: values.title },
    },
  );
  return milestone!;
}
