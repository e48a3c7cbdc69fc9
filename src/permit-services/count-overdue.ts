import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { permitApplications } from './schema.ts';

/** Still being worked on: paid for and not yet decided. */
const openStatuses = ['paid', 'scheduled', 'verified'];

/**
 * Stay permit service applications still open on `today` past their SOP due date, per unit: one range scan of
 * `permit_applications_unit_idx` (unit, status, due date). Counts only.
 */
export async function countOverduePermitApplications(
  db: Executor,
  q: { unitCodes: readonly string[]; today: IsoDate },
): Promise<{ unitCode: string; count: number }[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await queryRows<{ unit_code: string; n: number }>(
    db,
    sql`select unit_code, count(*)::int as n from ${permitApplications}
      where unit_code in ${q.unitCodes} and status in ${openStatuses} and due_on < ${q.today}::date
      group by 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, count: r.n }));
}

/** Permit service applications' units as a relation (`id`, `unit_code`), for counts that join it (PNBP of a billing). */
export const permitApplicationUnits: SQL = sql`(select ${permitApplications.id} as id, ${permitApplications.unitCode} as unit_code from ${permitApplications})`;
