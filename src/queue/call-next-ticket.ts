import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { ticketLabel } from './issue-ticket.ts';
import { queueTickets } from './schema.ts';

export type Called = { ticket: string; ticketId: string; applicationId: string; counter: string; calls: number };

/**
 * Calls the next ticket of the unit's queue today to a counter: priority (`P`) before booked (`A`), each oldest
 * first. The row is taken with SKIP LOCKED, so officers calling at the same moment each get a different ticket
 * instead of waiting for one another or calling the same person twice.
 */
export async function callNextTicket(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; counter: string },
  now = new Date(),
): Promise<Called> {
  const [next] = await tx
    .select({ id: queueTickets.id })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.unitCode, input.unitCode),
        eq(queueTickets.day, witaDate(now)),
        isNull(queueTickets.calledAt),
        isNull(queueTickets.noShowAt),
      ),
    )
    .orderBy(sql`${queueTickets.series} = 'P' desc`, asc(queueTickets.issuedAt), asc(queueTickets.number))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!next) throw new AppError('queue_empty');
  const [ticket] = await tx
    .update(queueTickets)
    .set({
      calledAt: now,
      counter: input.counter,
      calledBy: caller.actor?.id ?? null,
      calls: sql`${queueTickets.calls} + 1`,
    })
    .where(eq(queueTickets.id, next.id))
    .returning();
  const label = ticketLabel(ticket!);
  await appendAudit(tx, caller, {
    action: 'queue.call',
    targetType: 'queue_ticket',
    targetId: ticket!.id,
    unitCode: input.unitCode,
    details: { ticket: label, counter: input.counter },
  });
  return {
    ticket: label,
    ticketId: ticket!.id,
    applicationId: ticket!.applicationId,
    counter: input.counter,
    calls: ticket!.calls,
  };
}
