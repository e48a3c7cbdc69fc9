import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { getUnit } from './list-units.ts';
import { withOutcomes, type MilestoneView } from './milestone-outcomes.ts';
import { roadmapMilestones, unitStateChanges, type RoadmapMilestone, type UnitState } from './schema.ts';
import type { StateStep } from './workflow.ts';

export type StateChange = {
  step: StateStep;
  from: UnitState | null;
  to: UnitState;
  effectiveOn: string;
  note: string;
  at: Date;
};
export type UnitRoadmap = {
  code: string;
  state: UnitState;
  stateSince: string | null;
  /** Newest first. */
  history: StateChange[];
  /** By target: dated ones and quarters in calendar order (a quarter counts from its first day). */
  milestones: MilestoneView[];
};

const quarterStart = (q: string) => `${q.slice(0, 4)}-${String((Number(q.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
const targetKey = (m: RoadmapMilestone) => m.targetDate ?? quarterStart(m.targetQuarter ?? '9999-Q4');

/** A unit's state, its history of state changes and its roadmap milestones: public facts. */
export async function unitRoadmap(db: Executor, code: string): Promise<UnitRoadmap> {
  const unit = await getUnit(db, code);
  const [changes, milestones] = await Promise.all([
    db.select().from(unitStateChanges).where(eq(unitStateChanges.unitCode, code)).orderBy(desc(unitStateChanges.id)),
    db
      .select()
      .from(roadmapMilestones)
      .where(eq(roadmapMilestones.unitCode, code))
      .orderBy(asc(roadmapMilestones.createdAt)),
  ]);
  return {
    code,
    state: unit.state,
    stateSince: unit.stateSince,
    history: changes.map((c) => ({
      step: c.type as StateStep,
      from: (c.payload.from as UnitState | undefined) ?? null,
      to: c.payload.status as UnitState,
      effectiveOn: c.payload.effectiveOn as string,
      note: (c.payload.note as string | undefined) ?? '',
      at: c.at,
    })),
    milestones: await withOutcomes(
      db,
      milestones.sort((a, b) => targetKey(a).localeCompare(targetKey(b))),
    ),
  };
}
