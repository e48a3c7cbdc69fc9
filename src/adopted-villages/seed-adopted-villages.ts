import type { Executor } from '../platform/db/index.ts';
import { adoptedVillageSeeds } from './adopted-village-data.ts';
import { adoptedVillages } from './schema.ts';

/** The adopted villages the sources name. Idempotent: a village already there stays as its office has kept it. */
export async function seedAdoptedVillages(db: Executor): Promise<void> {
  await db.insert(adoptedVillages).values(adoptedVillageSeeds).onConflictDoNothing();
}
