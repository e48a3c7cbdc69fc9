import type { Executor } from '../platform/db/index.ts';
import { organisation } from './organisation.ts';
import { unitRegencies, units } from './schema.ts';
import { workingAreas } from './working-areas.ts';

/** Adds the organisation's units and working areas that are missing; never overwrites what admins have edited. */
export async function seedUnits(db: Executor): Promise<void> {
  await db.insert(units).values(organisation).onConflictDoNothing();
  const areas = Object.entries(workingAreas).flatMap(([unitCode, regencies]) =>
    regencies.map((regencyCode) => ({ unitCode, regencyCode })),
  );
  await db.insert(unitRegencies).values(areas).onConflictDoNothing();
}
