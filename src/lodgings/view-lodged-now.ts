import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { listDistricts, listRegencies } from '../regions/queries.ts';
import { auditOversightRead } from './audit-oversight-read.ts';
import { countLodgedNow } from './count-lodged-now.ts';
import type { OversightAccess } from './oversight-access.ts';

export type LodgedRegency = {
  code: string;
  name: string;
  count: number;
  districts: { code: string; name: string; count: number }[];
};

/** Foreigners lodged now in the unit's area, per regency (each of the area's, even with none) and per district. */
export async function viewLodgedNow(tx: Tx, caller: Caller, access: OversightAccess): Promise<LodgedRegency[]> {
  const counts = await countLodgedNow(tx, access.regencies);
  const provinces = [...new Set(access.regencies.map((r) => r.split('.')[0]!))];
  const regencyNames = new Map(
    (await Promise.all(provinces.map((p) => listRegencies(tx, p)))).flat().map((r) => [r.code, r.name]),
  );
  const result: LodgedRegency[] = [];
  for (const code of access.regencies) {
    const here = counts.filter((c) => c.regencyCode === code);
    const districtNames =
      here.length > 0
        ? new Map((await listDistricts(tx, code)).map((d) => [d.code, d.name]))
        : new Map<string, string>();
    result.push({
      code,
      name: regencyNames.get(code) ?? code,
      count: here.reduce((sum, c) => sum + c.count, 0),
      districts: here.map((c) => ({
        code: c.districtCode,
        name: districtNames.get(c.districtCode) ?? c.districtCode,
        count: c.count,
      })),
    });
  }
  await auditOversightRead(tx, caller, access, 'lodging.lodgedNow', {
    total: result.reduce((sum, r) => sum + r.count, 0),
  });
  return result;
}
