import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { districts, regencies, villages } from './schema.ts';

/** The codes of a regency's villages, as a query other features filter by (`inArray(column, …)`). */
export function selectVillagesInRegency(db: Executor, regencyCode: string) {
  return db
    .select({ code: villages.code })
    .from(villages)
    .innerJoin(districts, eq(districts.code, villages.districtCode))
    .innerJoin(regencies, eq(regencies.code, districts.regencyCode))
    .where(eq(regencies.code, regencyCode));
}
