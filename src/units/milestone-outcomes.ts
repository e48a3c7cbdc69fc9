import { and, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { roadmapMilestoneActions, type RoadmapMilestone } from './schema.ts';

/** A milestone as read: `note` is its planning note; `outcomeNote` what was said when it was reached or dropped. */
export type MilestoneView = RoadmapMilestone & { outcomeNote: string };

/** The milestones with the note of the step that ended each (from their history; '' while planned or unsaid). */
export async function withOutcomes(db: Executor, milestones: RoadmapMilestone[]): Promise<MilestoneView[]> {
  const ids = milestones.map((m) => m.id);
  const ended = ids.length
    ? await db
        .select({ milestoneId: roadmapMilestoneActions.milestoneId, payload: roadmapMilestoneActions.payload })
        .from(roadmapMilestoneActions)
        .where(
          and(
            inArray(roadmapMilestoneActions.milestoneId, ids),
            inArray(roadmapMilestoneActions.type, ['done', 'dropped']),
          ),
        )
    : [];
  const notes = new Map(ended.map((a) => [a.milestoneId, (a.payload.note as string | undefined) ?? '']));
  return milestones.map((m) => ({ ...m, outcomeNote: notes.get(m.id) ?? '' }));
}
