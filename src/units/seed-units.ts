import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { organisation } from './organisation.ts';
import { unitRegencies, units } from './schema.ts';
import { workingAreas } from './working-areas.ts';

/**
 * Adds the organisation's units and working areas that are missing; never overwrites what admins have edited. A
 * unit seeded before its state's "since" was recorded gets that day, as long as it is still in the seeded state
 * with no "since": once its state moved on, the day belongs to the step that moved it.
 */
export async function seedUnits(db: Executor): Promise<void> {
  await db.insert(units).values(organisation).onConflictDoNothing();
  for (const unit of organisation.filter((u) => u.stateSince))
    await db
      .update(units)
      .set({ stateSince: unit.stateSince })
      .where(and(eq(units.code, unit.code), eq(units.state, unit.state), isNull(units.stateSince)));
  const areas = Object.entries(workingAreas).flatMap(([unitCode, regencies]) =>
    regencies.map((regencyCode) => ({ unitCode, regencyCode })),
  );
  await db.insert(unitRegencies).values(areas).onConflictDoNothing();
}
