import { sql } from 'drizzle-orm';
import { applicationDueDates } from '../applications/due-on-sql.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { passports } from './schema.ts';

export type ServiceLevelByUnit = { unitCode: string; completed: number; onTime: number };

/**
 * Passport cases completed in the period (the passport issued, not cancelled) per unit, and how many of them by the
 * SOP due date the counter set on the unit's working-day calendar. A case without a due date (issued before the
 * service-level clock existed) counts as completed, not as on time.
 */
export async function countServiceLevel(
  db: Executor,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate },
): Promise<ServiceLevelByUnit[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await queryRows<{ unit_code: string; completed: number; on_time: number }>(
    db,
    sql`select p.unit_code, count(*)::int as completed, count(*) filter (where p.issue_date <= a.due_on)::int as on_time
      from ${passports} p left join ${applicationDueDates} a on a.id = p.application_id
      where p.issue_date between ${q.from}::date and ${q.to}::date and p.unit_code in ${q.unitCodes}
        and p.status <> 'cancelled'
      group by 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, completed: r.completed, onTime: r.on_time }));
}
