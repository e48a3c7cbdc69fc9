import { sql } from 'drizzle-orm';
import { pointsOfUnits, unitOfPoint } from '../crossing-points/points-of-units-sql.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { crossingDailyCounts } from './schema.ts';

/**
 * Crossings in the period at the points the given units inspect, per unit: summed from the day counts (never
 * `crossings`), grouped per point first so the unit is looked up once per point.
 */
export async function countCrossingsByUnit(
  db: Executor,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate },
): Promise<{ unitCode: string; count: number }[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await queryRows<{ unit_code: string; n: number }>(
    db,
    sql`select ${unitOfPoint(sql`c.point_code`)} as unit_code, sum(c.n)::int as n
    from (select point_code, sum(count) as n from ${crossingDailyCounts}
      where day between ${q.from}::date and ${q.to}::date and point_code in ${pointsOfUnits(q.unitCodes)}
      group by 1) c
    group by 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, count: r.n }));
}
