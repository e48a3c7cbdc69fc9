import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { timporaMeetings, timporaTeams } from './schema.ts';

/** Timpora coordination meetings held in the period by the teams of the given units, per unit: counts only. */
export async function countMeetings(
  db: Executor,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate },
): Promise<{ unitCode: string; count: number }[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await queryRows<{ unit_code: string; n: number }>(
    db,
    sql`select t.unit_code, count(*)::int as n
    from ${timporaMeetings} m join ${timporaTeams} t on t.id = m.team_id
    where t.unit_code in ${q.unitCodes} and m.held_on between ${q.from}::date and ${q.to}::date
    group by 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, count: r.n }));
}
