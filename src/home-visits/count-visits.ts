import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { homeVisits } from './schema.ts';

/** si Koe Peduli visits made in the period (by visit date) per unit: counts only. */
export async function countVisits(
  db: Executor,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate },
): Promise<{ unitCode: string; count: number }[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await queryRows<{ unit_code: string; n: number }>(
    db,
    sql`select unit_code, count(*)::int as n from ${homeVisits}
      where unit_code in ${q.unitCodes} and status = 'visited' and visit_date between ${q.from}::date and ${q.to}::date
      group by 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, count: r.n }));
}
