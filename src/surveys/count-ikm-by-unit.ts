import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { elementCodes, ikmFrom, periodBounds, publishedConverted } from './compute-ikm.ts';

export type IkmByUnit = { unitCode: string; respondents: number; converted: number | null };

/** Each unit's IKM (converted, to hundredths) and respondents in the period: one grouped query, counts only. */
export async function countIkmByUnit(
  db: Executor,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate },
): Promise<IkmByUnit[]> {
  if (q.unitCodes.length === 0) return [];
  const { start, end } = periodBounds(q.from, q.to);
  const rows = await queryRows<Record<string, string | number | null>>(
    db,
    sql`select unit_code, count(*)::int as respondents, ${sql.join(
      elementCodes.map((c) => sql`avg(${sql.identifier(c)})::float8 as ${sql.identifier(c)}`),
      sql`, `,
    )}
    from survey_responses
    where answered_at >= ${start} and answered_at < ${end} and unit_code in ${q.unitCodes}
    group by 1`,
  );
  return rows.map((r) => {
    const { converted } = ikmFrom(elementCodes.map((c) => Number(r[c])));
    return {
      unitCode: String(r.unit_code),
      respondents: Number(r.respondents),
      converted: converted === null ? null : publishedConverted(converted),
    };
  });
}
