import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { districts, regencies, villages } from './schema.ts';

export type VillagePlace = { village: string; district: string; regency: string };

/** A village's name with its district's and regency's, or undefined for a code the register does not know. */
export async function findVillage(db: Executor, code: string): Promise<VillagePlace | undefined> {
  const [row] = await db
    .select({ village: villages.name, district: districts.name, regency: regencies.name })
    .from(villages)
    .innerJoin(districts, eq(districts.code, villages.districtCode))
    .innerJoin(regencies, eq(regencies.code, districts.regencyCode))
    .where(eq(villages.code, code));
  return row;
}
