import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { listForeignerNames } from '../foreigners/list-foreigner-names.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { sponsors, stayPermits, type PermitType } from './schema.ts';

export type UnitPermitFilter = { type?: PermitType; endingWithin?: number; today: IsoDate };

/** At most this many rows on a page: a filter narrows the rest. */
export const UNIT_PERMITS_LIMIT = 200;

/**
 * The active permits held at these units (an office and its posts), the ones ending first at the top, with each
 * holder's name and the sponsor's; a type, or "ending within n days", narrows them.
 */
export async function listUnitPermits(db: Executor, unitCodes: readonly string[], filter: UnitPermitFilter) {
  if (unitCodes.length === 0) return [];
  const rows = await db
    .select({ permit: stayPermits, sponsorName: sponsors.name })
    .from(stayPermits)
    .leftJoin(sponsors, eq(sponsors.id, stayPermits.sponsorId))
    .where(
      and(
        inArray(stayPermits.unitCode, [...unitCodes]),
        eq(stayPermits.status, 'active'),
        filter.type ? eq(stayPermits.type, filter.type) : undefined,
        // Active and not yet over: an ended permit whose holder stayed on is the overstay list's, not this one's.
        gte(stayPermits.validUntil, filter.today),
        filter.endingWithin === undefined
          ? undefined
          : lte(stayPermits.validUntil, addDays(filter.today, filter.endingWithin)),
      ),
    )
    .orderBy(asc(stayPermits.validUntil), asc(stayPermits.id))
    .limit(UNIT_PERMITS_LIMIT);
  const people = await listForeignerNames(
    db,
    rows.map((r) => r.permit.foreignerId),
  );
  return rows.map((r) => ({ ...r.permit, sponsorName: r.sponsorName, holder: people.get(r.permit.foreignerId)! }));
}
export type UnitPermitRow = Awaited<ReturnType<typeof listUnitPermits>>[number];
