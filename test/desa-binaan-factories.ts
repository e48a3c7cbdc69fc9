// Desa Binaan rows for the interview's tests: adopted villages through adopted-villages' factories, warnings written
// straight into their table with any status or expiry (test code may; features may not).
import {
  freeVillage as freeVillageIn,
  makeAdoptedVillage,
  makeVillageOfficer,
} from '../src/adopted-villages/test-support.ts';
import type { Executor } from '../src/platform/db/index.ts';
import { villageWarnings, type VillageWarning } from '../src/village-tips/schema.ts';
import { nameKey } from '../src/watchlist/name-key.ts';
import { makeOfficer } from './factories.ts';

/** A village nobody adopted whose kecamatan holds no adopted village and no other caller's village. */
export const freeVillage = (db: Executor) => freeVillageIn(db, { wholeDistrict: true });

let serial = 0;
/** A NIK issued in `districtCode` ("53.04.02") for a man born on `birthDate`. */
export function nikIn(districtCode: string, birthDate: string): string {
  const [y, m, d] = birthDate.split('-');
  serial += 1;
  const tail = String(1000 + ((Math.floor(Math.random() * 8000) + serial) % 9000));
  return `${districtCode.replaceAll('.', '')}${d}${m}${y!.slice(2)}${tail}`;
}

/** An adopted village with one PIMPASA (an oversight officer of the unit) reachable on `phone`. */
export async function adoptVillage(
  db: Executor,
  options: { villageCode: string; unitCode: string; adoptedOn?: string; endedOn?: string | null; phone?: string },
) {
  const { villageCode, unitCode, adoptedOn = '2024-08-12', endedOn = null, phone = '0812-3456-7001' } = options;
  await makeAdoptedVillage(db, { villageCode, unitCode, adoptedOn, endedOn, decreeNumber: null, decreeDate: null });
  const officer = await makeOfficer(db, { role: 'oversight_officer', unitCode });
  await makeVillageOfficer(db, villageCode, officer, { phone, since: adoptedOn });
  return { villageCode, officer };
}

/** An open warning (unless `status` says otherwise), with the name keys folded as the feature folds them. */
export async function raiseWarning(
  db: Executor,
  options: Partial<typeof villageWarnings.$inferInsert> & Pick<VillageWarning, 'unitCode' | 'kind' | 'summary'>,
): Promise<VillageWarning> {
  const [row] = await db
    .insert(villageWarnings)
    .values({
      ...options,
      // A closed warning has its closing time, as the use case writes it: the "in force" rule reads that.
      closedAt: options.status === 'closed' ? (options.closedAt ?? new Date()) : (options.closedAt ?? null),
      personNameKey: options.personName ? nameKey(options.personName) : null,
      recruiterNameKey: options.recruiterName ? nameKey(options.recruiterName) : null,
    })
    .returning();
  return row!;
}
