import { and, like, notInArray, sql } from 'drizzle-orm';

import type { Account } from '../platform/auth/schema.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { villages } from '../regions/schema.ts';
import { adoptedVillages, villageOfficers, type AdoptedVillage } from './schema.ts';

const handedOut = new Set<string>(['53.71.01']);

/**
 * A village of the region tables under `prefix` that nobody has adopted, picked at random. With `wholeDistrict`, its
 * kecamatan holds no adopted village and was handed out to no other caller of this run, so a test that matches by
 * kecamatan (a NIK names only that) meets no other test's villages; never Kota Kupang's 53.71.01, where the
 * factories' NIKs are issued.
 */
export async function freeVillage(
  db: Executor,
  options: { prefix?: string; wholeDistrict?: boolean } = {},
): Promise<{ villageCode: string; districtCode: string }> {
  const { prefix = '53.', wholeDistrict = false } = options;
  const adopted = wholeDistrict
    ? sql`exists (select 1 from adopted_villages a where a.village_code like ${villages.districtCode} || '.%')`
    : sql`exists (select 1 from adopted_villages a where a.village_code = ${villages.code})`;
  const rows = await db
    .select({ villageCode: villages.code, districtCode: villages.districtCode })
    .from(villages)
    .where(and(like(villages.code, `${prefix}%`), sql`not ${adopted}`))
    .orderBy(sql`random()`)
    .limit(50);
  const row = rows.find((r) => !wholeDistrict || !handedOut.has(r.districtCode));
  if (!row) throw new Error(`no free village left under ${prefix}`);
  if (wholeDistrict) handedOut.add(row.districtCode);
  return row;
}

/**
 * Adopts a village for the Kupang office: `villageCode` when given, else one no test has adopted yet in `districtCode`,
 * else one in a kecamatan of its own (never Kota Kupang's, where the factories' NIKs are issued, so no applicant of
 * another test lives where it lies; the run's PostgreSQL database is shared by every test file).
 */
export async function makeAdoptedVillage(
  db: Executor,
  overrides: Partial<typeof adoptedVillages.$inferInsert> & { districtCode?: string } = {},
): Promise<AdoptedVillage> {
  const { districtCode, villageCode, ...rest } = overrides;
  const code =
    villageCode ??
    (districtCode ? await firstFreeIn(db, districtCode) : (await freeVillage(db, { wholeDistrict: true })).villageCode);
  const [row] = await db
    .insert(adoptedVillages)
    .values({
      villageCode: code,
      unitCode: 'KANIM-KUPANG',
      regencyCode: code.slice(0, 5),
      decreeNumber: 'W21.IMI.IMI.4-GR.04.01-01',
      decreeDate: '2025-01-02',
      reasons: ['many_migrant_workers'],
      adoptedOn: '2025-01-02',
      ...rest,
    })
    .returning();
  return row!;
}

async function firstFreeIn(db: Executor, districtCode: string): Promise<string> {
  const taken = (await db.select({ code: adoptedVillages.villageCode }).from(adoptedVillages)).map((r) => r.code);
  const [free] = await db
    .select({ code: villages.code })
    .from(villages)
    .where(and(like(villages.code, `${districtCode}.%`), taken.length ? notInArray(villages.code, taken) : undefined))
    .limit(1);
  if (!free) throw new Error(`no village left to adopt in ${districtCode}`);
  return free.code;
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
