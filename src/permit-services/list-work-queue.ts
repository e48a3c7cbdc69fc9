import { and, asc, inArray, sql } from 'drizzle-orm';
import { closedDaysOfUnits } from '../holidays/closed-days.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { workingDaysBetween } from '../platform/calendar/working-days.ts';
import { addDays, witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { actorScope } from '../units/scope.ts';
import { authorizeRole } from './policy.ts';
import { permitApplications, type PermitApplication } from './schema.ts';
import { openStatuses } from './workflow.ts';

export type QueueRow = PermitApplication & { overdue: boolean; workingDaysLeft: number | null };

/**
 * The open applications of the officer's units, the ones due soonest first (unpaid ones, without a due date, last):
 * each with whether its SLA date has passed and the working days left on its unit's calendar.
 */
export async function listWorkQueue(db: Executor, caller: Caller, now = new Date()): Promise<QueueRow[]> {
  authorizeRole(caller.actor, 'service.view');
  const scope = await actorScope(db, caller.actor);
  if (scope.length === 0) return [];
  const a = permitApplications;
  const rows = await db
    .select()
    .from(a)
    .where(and(inArray(a.unitCode, scope), inArray(a.status, [...openStatuses])))
    .orderBy(sql`${a.dueOn} asc nulls last`, asc(a.createdAt))
    .limit(500);
  const today = witaDate(now);
  const last = rows.reduce<IsoDate>((max, r) => (r.dueOn && r.dueOn > max ? r.dueOn : max), today);
  const closed = await closedDaysOfUnits(db, [...new Set(rows.map((r) => r.unitCode))], today, addDays(last, 1));
  return rows.map((r) => {
    const isClosed = (d: IsoDate) => closed.get(r.unitCode)?.has(d) ?? false;
    return {
      ...r,
      overdue: !!r.dueOn && r.dueOn < today,
      workingDaysLeft: r.dueOn ? workingDaysBetween(today, r.dueOn, isClosed) : null,
    };
  });
}
