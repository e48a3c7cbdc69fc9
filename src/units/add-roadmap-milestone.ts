import { and, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { authorize } from './policy.ts';
import type { MilestoneInput } from './roadmap-inputs.ts';
import { roadmapMilestoneActions, roadmapMilestones, type RoadmapMilestone } from './schema.ts';
import { unitTarget } from './unit-target.ts';

/**
 * Puts a milestone on a unit's roadmap, planned, with its first history entry and an audit entry. The unit row is
 * locked, so a resent request id finds the milestone its first request made and adds no second one.
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
      .select({ milestone: roadmapMilestones })
      .from(roadmapMilestoneActions)
      .innerJoin(roadmapMilestones, eq(roadmapMilestones.id, roadmapMilestoneActions.milestoneId))
      .where(
        and(
          eq(roadmapMilestones.unitCode, code),
          eq(roadmapMilestoneActions.type, 'planned'),
          eq(roadmapMilestoneActions.requestId, input.requestId),
        ),
      );
    if (made) return made.milestone;
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
