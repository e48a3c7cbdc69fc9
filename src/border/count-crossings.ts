import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { crossingDailyCounts } from './schema.ts';

export type DailyCrossingCount = typeof crossingDailyCounts.$inferSelect;

/** The day counts of crossings that happened in a period, at one point or all: read from the aggregate, never `crossings`. */
export function countCrossingsByDay(
  db: Executor,
  range: { from: IsoDate; to: IsoDate; point?: string | null },
): Promise<DailyCrossingCount[]> {
  return db
    .select()
    .from(crossingDailyCounts)
    .where(
      and(
        gte(crossingDailyCounts.day, range.from),
        lte(crossingDailyCounts.day, range.to),
        range.point ? eq(crossingDailyCounts.pointCode, range.point) : undefined,
      ),
    )
    .orderBy(
      asc(crossingDailyCounts.day),
      asc(crossingDailyCounts.pointCode),
      asc(crossingDailyCounts.direction),
      asc(crossingDailyCounts.travellerKind),
      asc(crossingDailyCounts.documentKind),
    );
}

export type MonthlyCrossingCount = Omit<DailyCrossingCount, 'day'> & { month: string };

/** The same counts per month, for the transparency page. */
export async function countCrossingsByMonth(
  db: Executor,
  range: { from: IsoDate; to: IsoDate },
): Promise<MonthlyCrossingCount[]> {
  const rows = await queryRows<{
    month: string;
    point_code: string;
    direction: string;
    traveller_kind: string;
    document_kind: string;
    n: number;
  }>(
    db,
    sql`select to_char(day, 'YYYY-MM') as month, point_code, direction, traveller_kind, document_kind, sum(count)::int as n
      from ${crossingDailyCounts} where day between ${range.from}::date and ${range.to}::date
      group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  return rows.map((r) => ({
    month: r.month,
    pointCode: r.point_code,
    direction: r.direction as MonthlyCrossingCount['direction'],
    travellerKind: r.traveller_kind as MonthlyCrossingCount['travellerKind'],
    documentKind: r.document_kind as MonthlyCrossingCount['documentKind'],
    count: r.n,
  }));
}
