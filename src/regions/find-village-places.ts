import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { districts, regencies, villages } from './schema.ts';

export type VillagePlace = {
  villageName: string;
  districtName: string | null;
  regencyCode: string | null;
  regencyName: string | null;
};

/** The villages found among the codes given, each with its district and regency by name; unknown codes are absent. */
export async function findVillagePlaces(
  db: Executor,
  villageCodes: readonly string[],
): Promise<Map<string, VillagePlace>> {
  const codes = [...new Set(villageCodes)];
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({
      code: villages.code,
      villageName: villages.name,
      districtName: districts.name,
      regencyCode: regencies.code,
      regencyName: regencies.name,
    })
    .from(villages)
    .leftJoin(districts, eq(districts.code, villages.districtCode))
    .leftJoin(regencies, eq(regencies.code, districts.regencyCode))
    .where(inArray(villages.code, codes));
  return new Map(rows.map(({ code, ...place }) => [code, place]));
}
