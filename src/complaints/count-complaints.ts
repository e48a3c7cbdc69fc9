import { sql } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { complaints } from './schema.ts';

export type ComplaintCount = { unitCode: string; received: number; overdue: number };

/**
 * Complaints received in the period (WITA days) per unit, and how many of them are overdue on `today` (not verified,
 * or not answered, by their deadline), as `complaintFigures` counts them. Whistle-blowing reports are left out: a
 * unit's count would show its staff that someone reported one of them.
 */
export async function countComplaints(
  db: Executor,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate; today: IsoDate },
): Promise<ComplaintCount[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await queryRows<{ unit_code: string; received: number; overdue: number }>(
    db,
    sql`select unit_code, count(*)::int as received,
      count(*) filter (where (status = 'received' and verify_due_on < ${q.today}::date)
        or (status in ('verified', 'in_progress') and answer_due_on < ${q.today}::date))::int as overdue
    from ${complaints}
    where unit_code in ${q.unitCodes} and type <> 'whistleblowing'
      and received_at >= ${witaInstant(q.from)} and received_at < ${witaInstant(addDays(q.to, 1))}
    group by 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, received: r.received, overdue: r.overdue }));
}
