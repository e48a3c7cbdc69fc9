import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { getCrossingPoint, type CrossingPoint } from '../crossing-points/get-crossing-point.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { actorScope } from '../units/scope.ts';
import { authorize, authorizeRole } from './policy.ts';
import { crossings, type Crossing } from './schema.ts';

/** The newest this many held crossings on the desk page: a post holds a handful at a time. */
const HELD_LIMIT = 50;

/**
 * A point's desk for an officer of its unit: the point and the crossings held there (newest first), each a link to
 * its secondary inspection.
 */
export async function openDesk(
  db: Executor,
  caller: Caller,
  code: string,
): Promise<{ point: CrossingPoint; held: Crossing[] }> {
  authorizeRole(caller.actor, 'crossing.record');
  const point = await getCrossingPoint(db, code);
  const scope = await actorScope(db, caller.actor);
  authorize(caller.actor, 'crossing.record', { unitCode: point.unitCode, scope });
  const held = await db
    .select()
    .from(crossings)
    .where(and(eq(crossings.status, 'held'), eq(crossings.pointCode, code)))
    .orderBy(desc(crossings.recordedAt))
    .limit(HELD_LIMIT);
  return { point, held };
}

/**
 * The PLB holders who left through this point and are not back after the stay the rule allows without extensions
 * (`return_by` before today, no crossing of the pass since), longest overdue first. A list of people: audited.
 */
export async function listOverdueReturns(
  tx: Tx,
  caller: Caller,
  code: string,
  today: IsoDate,
): Promise<{ point: CrossingPoint; rows: Crossing[] }> {
  const { point } = await openDesk(tx, caller, code);
  const later = sql`select 1 from ${crossings} c2 where c2.pass_id = ${crossings.passId}
    and c2.recorded_at > ${crossings.recordedAt} and c2.status in ('cleared', 'allowed')`;
  const rows = await tx
    .select()
    .from(crossings)
    .where(
      and(
        eq(crossings.pointCode, code),
        lt(crossings.returnBy, today),
        gt(crossings.returnBy, sql`${today}::date - 366`),
        sql`${crossings.status} in ('cleared', 'allowed')`,
        sql`not exists (${later})`,
      ),
    )
    .orderBy(asc(crossings.returnBy));
  await appendAudit(tx, caller, {
    action: 'crossing.overdue_list',
    targetType: 'crossing_point',
    targetId: code,
    unitCode: point.unitCode,
    details: { count: rows.length },
  });
  return { point, rows };
}
