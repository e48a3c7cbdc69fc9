import { and, desc, eq, isNull } from 'drizzle-orm';
import { listForeignerNames } from '../foreigners/list-foreigner-names.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { notFound } from '../platform/errors.ts';
import { listDistricts } from '../regions/queries.ts';
import { auditOversightRead } from './audit-oversight-read.ts';
import type { OversightAccess } from './oversight-access.ts';
import { seesIdentity } from './policy.ts';
import { lodgings, stays } from './schema.ts';

/** A page is enough for a district; the count on the overview says how many there are in all. */
export const DISTRICT_LIST_LIMIT = 500;

export type LodgedGuest = {
  stayId: string;
  foreignerId: string;
  lodgingName: string;
  room: string | null;
  nationality: string;
  checkInAt: Date;
  expectedCheckOutOn: string | null;
  /** Officers only: partners see who is lodged where by nationality and dates. */
  name: string | null;
  documentNumber: string | null;
};

/** Foreigners lodged now in one district of the unit's area, newest check-in first (the partial index's rows). */
export async function viewLodgedInDistrict(tx: Tx, caller: Caller, access: OversightAccess, districtCode: string) {
  const regencyCode = districtCode.split('.').slice(0, 2).join('.');
  if (!access.regencies.includes(regencyCode)) throw notFound();
  const district = (await listDistricts(tx, regencyCode)).find((d) => d.code === districtCode);
  if (!district) throw notFound();
  const rows = await tx
    .select({
      stayId: stays.id,
      foreignerId: stays.foreignerId,
      documentNumber: stays.documentNumber,
      checkInAt: stays.checkInAt,
      expectedCheckOutOn: stays.expectedCheckOutOn,
      room: stays.room,
      lodgingName: lodgings.name,
    })
    .from(stays)
    .innerJoin(lodgings, eq(lodgings.id, stays.lodgingId))
    .where(and(isNull(stays.checkOutAt), eq(stays.regencyCode, regencyCode), eq(stays.districtCode, districtCode)))
    .orderBy(desc(stays.checkInAt))
    .limit(DISTRICT_LIST_LIMIT);
  const people = await listForeignerNames(
    tx,
    rows.map((r) => r.foreignerId),
  );
  const identity = seesIdentity(access.actor);
  const guests: LodgedGuest[] = rows.map((r) => {
    const person = people.get(r.foreignerId);
    return {
      ...r,
      nationality: person?.nationality ?? '',
      name: identity && person ? `${person.surname}, ${person.givenNames}` : null,
      documentNumber: identity ? r.documentNumber : null,
    };
  });
  await auditOversightRead(tx, caller, access, 'lodging.lodgedList', { districtCode, count: guests.length });
  return { district, guests };
}
