import { and, asc, eq, inArray, lt, max, sql } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { unitScope } from '../units/scope.ts';
import { auditOversightRead } from './audit-oversight-read.ts';
import type { OversightAccess } from './oversight-access.ts';
import { lodgings, stays } from './schema.ts';

/**
 * Verified lodgings of the unit (and the units below it) that have reported before but nothing, check-in or check-out,
 * since `since`: a hotel that stops reporting has more often stopped reporting than stopped having foreign guests.
 * Lodgings that never reported are not here: a new homestay may simply have had no foreign guest yet.
 */
export async function listSilentLodgings(tx: Tx, caller: Caller, access: OversightAccess, since: Date) {
  const units = await unitScope(tx, access.unitCode);
  const last = max(sql<Date>`greatest(${stays.reportedAt}, ${stays.checkOutReportedAt})`);
  const rows = await tx
    .select({
      id: lodgings.id,
      name: lodgings.name,
      kind: lodgings.kind,
      address: lodgings.address,
      phone: lodgings.phone,
      lastReportAt: last,
    })
    .from(lodgings)
    .innerJoin(stays, eq(stays.lodgingId, lodgings.id))
    .where(and(eq(lodgings.status, 'verified'), inArray(lodgings.unitCode, units)))
    .groupBy(lodgings.id)
    .having(lt(last, since))
    .orderBy(asc(last));
  await auditOversightRead(tx, caller, access, 'lodging.silentList', { count: rows.length });
  // Drivers give an aggregate back as text: the page wants a time.
  return rows.map((r) => ({ ...r, lastReportAt: new Date(r.lastReportAt as unknown as string) }));
}
