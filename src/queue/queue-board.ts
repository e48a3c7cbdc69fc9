import { and, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { ticketLabel } from './issue-ticket.ts';
import { queueTickets, ticketSeries, type TicketSeries } from './schema.ts';

export type Board = {
  unitCode: string;
  day: IsoDate;
  /** Newest call first. */
  called: { ticket: string; counter: string; calledAt: Date }[];
  waiting: Record<TicketSeries, number>;
};

/** What the public call display shows: ticket numbers and counters only, never who holds them. */
export async function queueBoard(
  db: Executor,
  unitCode: string,
  options: { limit?: number; now?: Date } = {},
): Promise<Board> {
  const day = witaDate(options.now);
  const today = and(eq(queueTickets.unitCode, unitCode), eq(queueTickets.day, day));
  const [called, waiting] = await Promise.all([
    db
      .select({
        series: queueTickets.series,
        number: queueTickets.number,
        counter: queueTickets.counter,
        calledAt: queueTickets.calledAt,
      })
      .from(queueTickets)
      .where(and(today, isNotNull(queueTickets.calledAt), isNull(queueTickets.noShowAt)))
      .orderBy(desc(queueTickets.calledAt))
      .limit(options.limit ?? 6),
    db
      .select({ series: queueTickets.series, n: count() })
      .from(queueTickets)
      .where(and(today, isNull(queueTickets.calledAt), isNull(queueTickets.noShowAt)))
      .groupBy(queueTickets.series),
  ]);
  const counts = Object.fromEntries(
    ticketSeries.map((s) => [s, waiting.find((w) => w.series === s)?.n ?? 0]),
  ) as Record<TicketSeries, number>;
  return {
    unitCode,
    day,
    called: called.map((c) => ({ ticket: ticketLabel(c), counter: c.counter ?? '', calledAt: c.calledAt! })),
    waiting: counts,
  };
}
