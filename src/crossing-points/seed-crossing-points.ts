import type { Executor } from '../platform/db/index.ts';
import { initialPlbSwitch, crossingPointSeeds } from './crossing-point-data.ts';
import { crossingPoints, plbSwitches } from './schema.ts';

/**
 * The crossing points the sources name, and for each that takes the Pas Lintas Batas the switch it starts with (off).
 * Idempotent: a point or switch already there is left as officers have kept it.
 */
export async function seedCrossingPoints(db: Executor): Promise<void> {
  await db.insert(crossingPoints).values(crossingPointSeeds).onConflictDoNothing();
  const withPlb = crossingPointSeeds.filter((p) => p.documents.includes('plb'));
  await db
    .insert(plbSwitches)
    .values(withPlb.map((p) => ({ pointCode: p.code, ...initialPlbSwitch })))
    .onConflictDoNothing();
}
