import { sql } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { applications } from './schema.ts';

/** Applications submitted between `from` and `to` (WITA days, inclusive) per address village, for the given villages. */
export async function countSubmittedByVillage(
  db: Executor,
  villageCodes: readonly string[],
  period: { from: IsoDate; to: IsoDate },
): Promise<Map<string, number>> {
  if (villageCodes.length === 0) return new Map();
  const rows = await queryRows<{ village_code: string; n: number }>(
    db,
    sql`select a.village_code, count(*)::int as n from ${applications} a
      where a.village_code in (${sql.join(
        villageCodes.map((c) => sql`${c}`),
        sql`, `,
      )})
        and a.submitted_at >= ${witaInstant(period.from)} and a.submitted_at < ${witaInstant(addDays(period.to, 1))}
      group by 1`,
  );
  return new Map(rows.map((r) => [r.village_code, r.n]));
}
