import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { closedApplicationStatuses, applications } from './schema.ts';

/** Past these the passport is made: the SOP's clock has stopped even if the case is still open for collection. */
const doneStatuses = [...closedApplicationStatuses, 'printed', 'ready'];

/**
 * Open passport cases past their SOP due date on `today`, per unit: one range scan of `applications_due_idx`
 * (unit, due date). Counts only.
 */
export async function countOverdueApplications(
  db: Executor,
  q: { unitCodes: readonly string[]; today: IsoDate },
): Promise<{ unitCode: string; count: number }[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await queryRows<{ unit_code: string; n: number }>(
    db,
    sql`select unit_code, count(*)::int as n from ${applications}
      where unit_code in ${q.unitCodes} and due_on < ${q.today}::date and status not in ${doneStatuses}
      group by 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, count: r.n }));
}
