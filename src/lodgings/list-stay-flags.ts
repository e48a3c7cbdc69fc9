import { and, count, desc, eq, gte, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import { listForeignerNames } from '../foreigners/list-foreigner-names.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { auditOversightRead } from './audit-oversight-read.ts';
import type { OversightAccess } from './oversight-access.ts';
import { lodgings, stays } from './schema.ts';

/** The lists show the newest; the counts above them are of all. */
export const FLAG_LIST_LIMIT = 200;

const columns = {
  stayId: stays.id,
  foreignerId: stays.foreignerId,
  lodgingName: lodgings.name,
  checkInAt: stays.checkInAt,
  reportedAt: stays.reportedAt,
  expectedCheckOutOn: stays.expectedCheckOutOn,
};

/**
 * The office's side of the flags: check-ins reported late since `since` and guests whose declared departure passed
 * (before WITA `today`) without a check-out, in the unit's area. Both read the area's regencies so that the missing
 * check-outs come from the partial index of open stays.
 */
export async function listStayFlags(tx: Tx, caller: Caller, access: OversightAccess, since: Date, today: IsoDate) {
  const area = inArray(stays.regencyCode, access.regencies);
  const lateWhere = and(area, eq(stays.late, true), gte(stays.reportedAt, since), gte(stays.checkInAt, since));
  const missingWhere = and(area, isNull(stays.checkOutAt), lt(stays.expectedCheckOutOn, today));
  const list = (where: SQL | undefined, order: SQL) =>
    tx
      .select(columns)
      .from(stays)
      .innerJoin(lodgings, eq(lodgings.id, stays.lodgingId))
      .where(where)
      .orderBy(order)
      .limit(FLAG_LIST_LIMIT);
  const tally = async (where: SQL | undefined) => (await tx.select({ n: count() }).from(stays).where(where))[0]?.n ?? 0;
  const late = await list(lateWhere, desc(stays.checkInAt));
  const missing = await list(missingWhere, desc(stays.expectedCheckOutOn));
  const lateCount = await tally(lateWhere);
  const missingCount = await tally(missingWhere);
  const shown = [...late, ...missing];
  const people = await listForeignerNames(
    tx,
    shown.map((s) => s.foreignerId),
  );
  const withNationality = (list: typeof late) =>
    list.map((s) => ({ ...s, nationality: people.get(s.foreignerId)?.nationality ?? '' }));
  await auditOversightRead(tx, caller, access, 'lodging.flagList', { late: lateCount, missing: missingCount });
  return {
    lateCount,
    missingCount,
    late: withNationality(late),
    missing: withNationality(missing),
  };
}
