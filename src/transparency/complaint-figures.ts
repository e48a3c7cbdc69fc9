import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';

export type ComplaintFigures = {
  received: number;
  resolved: number;
  overdue: number;
  medianDaysToFirstAnswer: number | null;
  whistleblowing: number;
};

/**
 * Complaints received in [from, to] (WITA days) at the units given: how many, how many are resolved (answered or
 * closed, or passed on to whoever has authority), how many are overdue today (not verified, or not answered, by
 * their deadline), and the median time from receipt to the first answer in days. Whistle-blowing reports are counted
 * only where a count cannot point at an office (the region's total, `withWhistleblowing`): a small office's count
 * would show its staff that someone reported one of them.
 */
export async function complaintFigures(
  db: Executor,
  input: { unitCodes: string[]; from: IsoDate; to: IsoDate; today: IsoDate; withWhistleblowing: boolean },
): Promise<ComplaintFigures> {
  if (input.unitCodes.length === 0)
    return { received: 0, resolved: 0, overdue: 0, medianDaysToFirstAnswer: null, whistleblowing: 0 };
  const [row] = await queryRows<{
    received: number;
    resolved: number;
    overdue: number;
    median: number | null;
    whistleblowing: number;
  }>(
    db,
    sql`
    select count(*)::int as received,
      count(*) filter (where status in ('answered', 'closed', 'forwarded'))::int as resolved,
      count(*) filter (where (status = 'received' and verify_due_on < ${input.today}::date)
        or (status in ('verified', 'in_progress') and answer_due_on < ${input.today}::date))::int as overdue,
      (percentile_cont(0.5) within group (order by extract(epoch from first_answered_at - received_at) / 86400)
        filter (where first_answered_at is not null))::float8 as median,
      count(*) filter (where type = 'whistleblowing')::int as whistleblowing
    from complaints
    where unit_code in ${input.unitCodes}
      and (${input.withWhistleblowing} or type <> 'whistleblowing')
      and (received_at at time zone 'Asia/Makassar')::date between ${input.from}::date and ${input.to}::date`,
  );
  const median = row?.median ?? null;
  return {
    received: row?.received ?? 0,
    resolved: row?.resolved ?? 0,
    overdue: row?.overdue ?? 0,
    medianDaysToFirstAnswer: median === null ? null : Math.round(median * 10) / 10,
    whistleblowing: row?.whistleblowing ?? 0,
  };
}
