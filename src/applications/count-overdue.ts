import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { applications, clockStoppedStatuses, statusList } from './schema.ts';

/**
 * Open passport cases past their SOP due date on `today`, per unit: one range scan of the partial index
 * `applications_running_due_idx` (unit, due date; the condition written as the index's, so the planner uses it). Counts only.
 */
export async function countOverdueApplications(
  db: Executor,
  q: { unitCodes: readonly string[]; today: IsoDate },
): Promise<{ unitCode: string; count: number }[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await queryRows<{ unit_code: string; n: number }>(
    db,
    sql`select unit_code, count(*)::int as n from ${applications}
      where unit_code in ${q.unitCodes} and due_on < ${q.today}::date and status not in (${statusList(clockStoppedStatuses)})
      group by 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, count: r.n }));
}
