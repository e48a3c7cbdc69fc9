import { and, inArray } from 'drizzle-orm';
import { findForeignersByDocument } from '../foreigners/list-foreigner-names.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { auditOversightRead } from './audit-oversight-read.ts';
import type { OversightAccess } from './oversight-access.ts';
import { seesIdentity } from './policy.ts';
import { stays } from './schema.ts';

/**
 * The people with this passport (number and nationality), for the search that leads to their movements. A partner
 * finds only people lodged in the grant's area; the search is audited like a reading, without the number itself.
 */
export async function findLodgedPerson(
  tx: Tx,
  caller: Caller,
  access: OversightAccess,
  search: { nationality: string; documentNumber: string },
) {
  let found = await findForeignersByDocument(tx, search.nationality, search.documentNumber);
  if (!seesIdentity(access.actor) && found.length > 0) {
    const lodgedHere = await tx
      .selectDistinct({ foreignerId: stays.foreignerId })
      .from(stays)
      .where(
        and(
          inArray(
            stays.foreignerId,
            found.map((f) => f.id),
          ),
          inArray(stays.regencyCode, access.regencies),
        ),
      );
    const ids = new Set(lodgedHere.map((r) => r.foreignerId));
    found = found.filter((f) => ids.has(f.id));
  }
  await auditOversightRead(tx, caller, access, 'lodging.findPerson', {
    nationality: search.nationality,
    found: found.length,
  });
  const identity = seesIdentity(access.actor);
  return found.map((f) => ({ id: f.id, nationality: f.nationality, birthDate: identity ? f.birthDate : null }));
}
