import { and, like, notInArray } from 'drizzle-orm';

import type { Account } from '../platform/auth/schema.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { villages } from '../regions/schema.ts';
import { adoptedVillages, villageOfficers, type AdoptedVillage } from './schema.ts';

/**
 * Adopts a village of the region tables no test has adopted yet, in `districtCode` (Kota Kupang's Alak by default),
 * for the Kupang office, adopted a year ago.
 */
export async function makeAdoptedVillage(
  db: Executor,
  overrides: Partial<typeof adoptedVillages.$inferInsert> & { districtCode?: string } = {},
): Promise<AdoptedVillage> {
  const { districtCode = '53.71.01', ...rest } = overrides;
  const taken = (await db.select({ code: adoptedVillages.villageCode }).from(adoptedVillages)).map((r) => r.code);
  const [free] = await db
    .select({ code: villages.code })
    .from(villages)
    .where(and(like(villages.code, `${districtCode}.%`), taken.length ? notInArray(villages.code, taken) : undefined))
    .limit(1);
  if (!free) throw new Error(`no village left to adopt in ${districtCode}`);
  const [row] = await db
    .insert(adoptedVillages)
    .values({
      villageCode: free.code,
      unitCode: 'KANIM-KUPANG',
      regencyCode: free.code.slice(0, 5),
      decreeNumber: 'W21.IMI.IMI.4-GR.04.01-01',
      decreeDate: '2025-01-02',
      reasons: ['many_migrant_workers'],
      adoptedOn: '2025-01-02',
      ...rest,
    })
    .returning();
  return row!;
}

/** Makes the officer a PIMPASA of the village from `since` (a year ago by default). */
export async function makeVillageOfficer(
  db: Executor,
  villageCode: string,
  officer: Account,
  options: { phone?: string; since?: IsoDate; until?: IsoDate } = {},
): Promise<void> {
  await db.insert(villageOfficers).values({
    villageCode,
    officerId: officer.id,
    phone: options.phone ?? '0812 3456 7890',
    since: options.since ?? '2025-01-02',
    until: options.until ?? null,
  });
}
