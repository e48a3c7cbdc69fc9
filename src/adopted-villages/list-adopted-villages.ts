import { and, asc, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findVillagePlaces } from '../regions/find-village-places.ts';
import { listUnits } from '../units/list-units.ts';
import { adoptedVillages, villageOfficers, type AdoptedVillage } from './schema.ts';

export type VillageOfficer = { officerId: string; name: string; phone: string; since: IsoDate; until: IsoDate | null };
export type OfficeContact = { code: string; name: string; address: string; phone: string | null };

export type AdoptedVillageView = AdoptedVillage & {
  village: string;
  district: string;
  regency: string;
  office: OfficeContact;
  /** The PIMPASA in office on the day asked for. */
  officers: VillageOfficer[];
};

export type VillageFilter = {
  regencyCode?: string;
  unitCodes?: readonly string[];
  villageCodes?: readonly string[];
  /** Adoptions in force on this day only; without it, ended ones too. */
  inForceOn?: IsoDate;
};

const inForce = (day: IsoDate) =>
  and(lte(adoptedVillages.adoptedOn, day), or(isNull(adoptedVillages.endedOn), gt(adoptedVillages.endedOn, day)));

/**
 * The adopted villages with their place names, their office's contact and the PIMPASA in office on `today`, in the
 * order of their codes (so by regency, kecamatan, village).
 */
export async function listAdoptedVillages(
  db: Executor,
  filter: VillageFilter,
  today: IsoDate,
): Promise<AdoptedVillageView[]> {
  const where: (SQL | undefined)[] = [
    filter.regencyCode ? eq(adoptedVillages.regencyCode, filter.regencyCode) : undefined,
    filter.unitCodes ? inArray(adoptedVillages.unitCode, [...filter.unitCodes, '']) : undefined,
    filter.villageCodes ? inArray(adoptedVillages.villageCode, [...filter.villageCodes, '']) : undefined,
    filter.inForceOn ? inForce(filter.inForceOn) : undefined,
  ];
  const rows = await db
    .select()
    .from(adoptedVillages)
    .where(and(...where))
    .orderBy(asc(adoptedVillages.villageCode));
  if (rows.length === 0) return [];
  const codes = rows.map((r) => r.villageCode);
  const [places, units, officers] = await Promise.all([
    findVillagePlaces(db, codes),
    listUnits(db),
    officersOf(db, codes, today),
  ]);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  return rows.map((row) => {
    const place = places.get(row.villageCode);
    const unit = unitByCode.get(row.unitCode);
    return {
      ...row,
      village: place?.villageName ?? row.villageCode,
      district: place?.districtName ?? '',
      regency: place?.regencyName ?? row.regencyCode,
      office: {
        code: row.unitCode,
        name: unit?.name ?? row.unitCode,
        address: unit?.address ?? '',
        phone: unit?.phone ?? null,
      },
      officers: officers.filter((o) => o.villageCode === row.villageCode).map(({ villageCode: _, ...o }) => o),
    };
  });
}

async function officersOf(db: Executor, codes: string[], today: IsoDate) {
  return db
    .select({
      villageCode: villageOfficers.villageCode,
      officerId: villageOfficers.officerId,
      name: accounts.name,
      phone: villageOfficers.phone,
      since: villageOfficers.since,
      until: villageOfficers.until,
    })
    .from(villageOfficers)
    .innerJoin(accounts, eq(accounts.id, villageOfficers.officerId))
    .where(
      and(
        inArray(villageOfficers.villageCode, codes),
        lte(villageOfficers.since, today),
        or(isNull(villageOfficers.until), gt(villageOfficers.until, today)),
      ),
    )
    .orderBy(asc(accounts.name));
}

/** One adopted village, in force or ended, or not_found. */
export async function getAdoptedVillage(db: Executor, code: string, today: IsoDate): Promise<AdoptedVillageView> {
  const [village] = await listAdoptedVillages(db, { villageCodes: [code] }, today);
  if (!village) throw new AppError('not_found');
  return village;
}

/** The villages the officer is PIMPASA of on `today`. */
export async function villagesOfOfficer(db: Executor, officerId: string, today: IsoDate): Promise<string[]> {
  const rows = await db
    .select({ code: villageOfficers.villageCode })
    .from(villageOfficers)
    .where(
      and(
        eq(villageOfficers.officerId, officerId),
        lte(villageOfficers.since, today),
        or(isNull(villageOfficers.until), gt(villageOfficers.until, today)),
      ),
    );
  return rows.map((r) => r.code);
}
