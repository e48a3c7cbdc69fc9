import { and, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { withOutcomes, type MilestoneView } from './milestone-outcomes.ts';
import { authorize } from './policy.ts';
import type { MilestoneActionInput } from './roadmap-inputs.ts';
import { roadmapMilestoneActions, roadmapMilestones, type RoadmapMilestone } from './schema.ts';
import { unitTarget } from './unit-target.ts';
import { milestoneWorkflow } from './workflow.ts';

async function lockMilestone(tx: Tx, code: string, id: string): Promise<RoadmapMilestone> {
  const [milestone] = await tx
    .select()
    .from(roadmapMilestones)
    .where(and(eq(roadmapMilestones.id, id), eq(roadmapMilestones.unitCode, code)))
    .for('update');
  if (!milestone) throw new AppError('not_found');
  return milestone;
}

/**
 * A milestone done or dropped, on a day not in the future (dropping says why), through the milestone workflow with
 * its history and audit entry; a resent request id answers with the milestone as it is (a conflict when that id
 * made another step, on another day or with another note). The step's note is kept in
 * the history, never over the milestone's planning note.
 */
export async function performMilestoneAction(
  tx: Tx,
  caller: Caller,
  target: { code: string; milestoneId: string },
  input: MilestoneActionInput,
  now = new Date(),
): Promise<MilestoneView> {
  const step = milestoneWorkflow[input.step];
  const { target: unit } = await unitTarget(tx, caller.actor, target.code);
  authorize(caller.actor, step.by, unit);
  const milestone = await lockMilestone(tx, target.code, target.milestoneId);
  const type = step.records ?? input.step;
  const resent = await findActionByRequest(
    tx,
    roadmapMilestoneActions,
    roadmapMilestoneActions.milestoneId,
    milestone.id,
    input.requestId,
  );
  if (resent) {
    if (resent.type !== type || resent.payload.on !== input.on || (resent.payload.note ?? '') !== input.note)
      throw new AppError('conflict');
    return (await withOutcomes(tx, [milestone]))[0]!;
  }
  assertStepAllowed(milestoneWorkflow, input.step, milestone.status);
  if (input.on > witaDate(now)) throw new AppError('validation_failed', { on: 'units.v.future' });
  if (input.step === 'drop' && !input.note) throw new AppError('validation_failed', { note: 'units.v.dropWhy' });
  const set = input.step === 'done' ? { doneOn: input.on } : { droppedOn: input.on };
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: roadmapMilestoneActions,
      entry: { milestoneId: milestone.id },
      record: roadmapMilestones,
      recordId: milestone.id,
      type,
      status: step.to,
      set,
      payload: { on: input.on, ...(input.note ? { note: input.note } : {}) },
      requestId: input.requestId,
    },
    {
      action: `unit.milestone_${input.step}`,
      targetType: 'roadmap_milestone',
      targetId: milestone.id,
      unitCode: target.code,
      details: { on: input.on },
    },
  );
  return (await withOutcomes(tx, [await lockMilestone(tx, target.code, milestone.id)]))[0]!;
}
