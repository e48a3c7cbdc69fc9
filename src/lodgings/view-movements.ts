import { and, asc, eq, inArray } from 'drizzle-orm';
import { listForeignerNames } from '../foreigners/list-foreigner-names.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { notFound } from '../platform/errors.ts';
import { auditOversightRead } from './audit-oversight-read.ts';
import type { OversightAccess } from './oversight-access.ts';
import { seesIdentity } from './policy.ts';
import { lodgings, stays } from './schema.ts';

/**
 * One person's stays in order of check-in, with each lodging and its place. Officers see every stay in the register
 * (a person lodged in Labuan Bajo and then Kupang is one trail), and whether a biodata photo of a stay in their area
 * can be opened; partners only the stays in their grant's area.
 */
export async function viewMovements(tx: Tx, caller: Caller, access: OversightAccess, foreignerId: string) {
  const identity = seesIdentity(access.actor);
  const trail = await tx
    .select({
      stayId: stays.id,
      lodgingName: lodgings.name,
      lodgingKind: lodgings.kind,
      address: lodgings.address,
      regencyCode: stays.regencyCode,
      documentNumber: stays.documentNumber,
      checkInAt: stays.checkInAt,
      expectedCheckOutOn: stays.expectedCheckOutOn,
      checkOutAt: stays.checkOutAt,
      late: stays.late,
      photoKey: stays.documentPhotoKey,
    })
    .from(stays)
    .innerJoin(lodgings, eq(lodgings.id, stays.lodgingId))
    .where(and(eq(stays.foreignerId, foreignerId), identity ? undefined : inArray(stays.regencyCode, access.regencies)))
    .orderBy(asc(stays.checkInAt));
  const person = (await listForeignerNames(tx, [foreignerId])).get(foreignerId);
  if (!person || (!identity && trail.length === 0)) throw notFound();
  await auditOversightRead(tx, caller, access, 'lodging.movements', { targetId: foreignerId, stays: trail.length });
  return {
    nationality: person.nationality,
    name: identity ? `${person.surname}, ${person.givenNames}` : null,
    birthDate: identity ? person.birthDate : null,
    stays: trail.map(({ photoKey, ...s }) => ({
      ...s,
      documentNumber: identity ? s.documentNumber : null,
      // The photo opens only for the area's own office (`view-document-photo.ts`); never for a partner.
      hasPhoto: identity && photoKey !== null && access.regencies.includes(s.regencyCode),
    })),
  };
}
