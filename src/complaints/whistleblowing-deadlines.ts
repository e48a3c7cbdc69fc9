import { and, eq, gte, lt } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { overdueOf } from './deadlines.ts';
import type { ComplaintFilters } from './list-complaints.ts';
import { complaints } from './schema.ts';

export type WhistleblowingDeadlines = {
  received: number;
  open: number;
  overdue: number;
  deadlines: { dueOn: IsoDate; overdue: boolean }[];
};

/**
 * What the Ombudsman sees of whistle-blowing: how many reports came in, how many are still open and overdue, and the
 * deadlines of the open ones, earliest first. No unit, no words, no dates of receipt: nothing that points at a
 * reporter or at the officer reported.
 */
export async function whistleblowingDeadlines(
  db: Executor,
  filters: Pick<ComplaintFilters, 'from' | 'to'>,
  today: IsoDate,
): Promise<WhistleblowingDeadlines> {
  const rows = await db
    .select({ status: complaints.status, verifyDueOn: complaints.verifyDueOn, answerDueOn: complaints.answerDueOn })
    .from(complaints)
    .where(
      and(
        eq(complaints.type, 'whistleblowing'),
        filters.from ? gte(complaints.receivedAt, witaInstant(filters.from)) : undefined,
        filters.to ? lt(complaints.receivedAt, witaInstant(addDays(filters.to, 1))) : undefined,
      ),
    );
  const open = rows.filter((c) => c.status === 'received' || c.status === 'verified' || c.status === 'in_progress');
  const deadlines = open
    .map((c) => {
      const late = overdueOf(c, today);
      return {
        dueOn: c.status === 'received' ? c.verifyDueOn : (c.answerDueOn ?? c.verifyDueOn),
        overdue: late.verification || late.answer,
      };
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return { received: rows.length, open: open.length, overdue: deadlines.filter((d) => d.overdue).length, deadlines };
}
