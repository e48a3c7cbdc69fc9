import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { districts, provinces, regencies, villages } from './schema.ts';

export type Region = { code: string; name: string };

export async function regencyExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ code: regencies.code }).from(regencies).where(eq(regencies.code, code));
  return Boolean(row);
}

export async function villageExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ code: villages.code }).from(villages).where(eq(villages.code, code));
  return Boolean(row);
}

export function listProvinces(db: Executor): Promise<Region[]> {
  return db.select({ code: provinces.code, name: provinces.name }).from(provinces).orderBy(asc(provinces.code));
}

export function listRegencies(db: Executor, provinceCode: string): Promise<Region[]> {
  return db
    .select({ code: regencies.code, name: regencies.name })
    .from(regencies)
    .where(eq(regencies.provinceCode, provinceCode))
    .orderBy(asc(regencies.code));
}

export function listDistricts(db: Executor, regencyCode: string): Promise<Region[]> {
  return db
    .select({ code: districts.code, name: districts.name })
    .from(districts)
    .where(eq(districts.regencyCode, regencyCode))
    .orderBy(asc(districts.code));
}

export function listVillages(db: Executor, districtCode: string): Promise<Region[]> {
  return db
    .select({ code: villages.code, name: villages.name })
    .from(villages)
    .where(eq(villages.districtCode, districtCode))
    .orderBy(asc(villages.code));
}
