import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { outreachSessions, sessionParticipants } from './schema.ts';

export type SessionCount = { unitCode: string; sessions: number; applicants: number };

/** Eazy Paspor sessions held in the period (by their date) per unit, and the people registered to them: counts only. */
export async function countSessions(
  db: Executor,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate },
): Promise<SessionCount[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await queryRows<{ unit_code: string; sessions: number; applicants: number }>(
    db,
    sql`select s.unit_code, count(*)::int as sessions,
      coalesce(sum((select count(*) from ${sessionParticipants} p where p.session_id = s.id)), 0)::int as applicants
    from ${outreachSessions} s
    where s.unit_code in ${q.unitCodes} and s.status in ('held', 'closed')
      and s.date between ${q.from}::date and ${q.to}::date
    group by 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, sessions: r.sessions, applicants: r.applicants }));
}
