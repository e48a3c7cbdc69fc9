import type { Executor } from './platform/db/index.ts';
import { importRegions } from './regions/import-regions.ts';
import { seedUnits } from './units/seed-units.ts';

/** Reference data every installation needs: Indonesia's regions and the NTT organisation. Idempotent. */
export async function seedReference(db: Executor): Promise<void> {
  await importRegions(db);
  await seedUnits(db);
}
