// Desa Binaan rows for the interview's tests, written straight into the tables (test code may; features may not).
// adopted-villages' and village-tips' own test-support factories take over once those features exist.
import { sql } from 'drizzle-orm';
import { adoptedVillages, villageOfficers } from '../src/adopted-villages/schema.ts';
import type { Executor } from '../src/platform/db/index.ts';
import { queryRows } from '../src/platform/db/index.ts';
import { villageWarnings, type VillageWarning } from '../src/village-tips/schema.ts';
import { nameKey } from '../src/watchlist/name-key.ts';
import { makeOfficer } from './factories.ts';

/**
 * A village of NTT (province 53) whose kecamatan no other call of this run has handed out and that nobody adopted,
 * so tests sharing a database do not meet each other's villages. Never Kota Kupang's 53.71.01, where the factories'
 * NIKs are issued.
 */
const usedDistricts = new Set<string>(['53.71.01']);
export async function freeVillage(db: Executor): Promise<{ villageCode: string; districtCode: string }> {
  const rows = await queryRows<{ code: string; district_code: string }>(
    db,
    sql`select v.code, v.district_code from villages v
      where v.code like '53.%' and not exists (select 1 from adopted_villages a where a.village_code like v.district_code || '.%')
      order by random() limit 50`,
  );
  const row = rows.find((r) => !usedDistricts.has(r.district_code));
  if (!row) throw new Error('no free NTT village left');
  usedDistricts.add(row.district_code);
  return { villageCode: row.code, districtCode: row.district_code };
}

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
  await db.insert(adoptedVillages).values({
    villageCode,
    unitCode,
    regencyCode: villageCode.slice(0, 5),
    adoptedOn,
    endedOn,
    reasons: ['many_migrant_workers'],
  });
  const officer = await makeOfficer(db, { role: 'oversight_officer', unitCode });
  await db.insert(villageOfficers).values({ villageCode, officerId: officer.id, phone, since: adoptedOn });
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
      personNameKey: options.personName ? nameKey(options.personName) : null,
      recruiterNameKey: options.recruiterName ? nameKey(options.recruiterName) : null,
    })
    .returning();
  return row!;
}
