import { and, asc, eq, gt, inArray, isNull, like, lte, or } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { accounts } from '../platform/auth/schema.ts';
import { findVillage } from '../regions/find-village.ts';
import { adoptedVillages, villageOfficers } from './schema.ts';

export type AdoptedVillageNote = {
  villageCode: string;
  village: string;
  district: string;
  regency: string;
  unitCode: string;
  /** How the applicant meets it: their address is in the village, or their NIK was issued in its kecamatan. */
  via: 'address' | 'nik_district';
  officers: { name: string; phone: string }[];
};

/**
 * The adopted villages in force on `today` that an applicant's address village or NIK kecamatan falls in: the NIK
 * names only the kecamatan (its first six digits), so by NIK every adopted village of that kecamatan is returned.
 * The address wins where both point at the same village.
 */
export async function findAdoptedVillagesFor(
  db: Executor,
  person: { villageCode?: string | null; districtCode?: string | null },
  today: IsoDate,
): Promise<AdoptedVillageNote[]> {
  const { villageCode, districtCode } = person;
  const where = [
    villageCode ? eq(adoptedVillages.villageCode, villageCode) : undefined,
    districtCode ? like(adoptedVillages.villageCode, `${districtCode}.%`) : undefined,
  ].filter((c) => c !== undefined);
  if (where.length === 0) return [];
  const rows = await db
    .select({ villageCode: adoptedVillages.villageCode, unitCode: adoptedVillages.unitCode })
    .from(adoptedVillages)
    .where(
      and(
        or(...where),
        lte(adoptedVillages.adoptedOn, today),
        or(isNull(adoptedVillages.endedOn), gt(adoptedVillages.endedOn, today)),
      ),
    )
    .orderBy(asc(adoptedVillages.villageCode));
  if (rows.length === 0) return [];
  const officers = await db
    .select({ villageCode: villageOfficers.villageCode, name: accounts.name, phone: villageOfficers.phone })
    .from(villageOfficers)
    .innerJoin(accounts, eq(accounts.id, villageOfficers.officerId))
    .where(
      and(
        inArray(
          villageOfficers.villageCode,
          rows.map((r) => r.villageCode),
        ),
        lte(villageOfficers.since, today),
        or(isNull(villageOfficers.until), gt(villageOfficers.until, today)),
      ),
    )
    .orderBy(asc(accounts.name));
  const notes: AdoptedVillageNote[] = [];
  for (const row of rows) {
    const place = await findVillage(db, row.villageCode);
    if (!place) continue;
    notes.push({
      ...row,
      ...place,
      via: row.villageCode === villageCode ? 'address' : 'nik_district',
      officers: officers.filter((o) => o.villageCode === row.villageCode).map(({ name, phone }) => ({ name, phone })),
    });
  }
  return notes;
}
