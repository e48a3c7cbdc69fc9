import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import type { Called } from './call-next-ticket.ts';
import { lockCalledTicket } from './called-ticket.ts';
import { ticketLabel } from './issue-ticket.ts';
import { queueTickets } from './schema.ts';

/**
 * Calls a ticket again (to this counter): the display shows it as the newest call. A ticket marked no-show can be
 * recalled too, for the applicant who comes back later the same day; that clears the no-show.
 */
export async function recallTicket(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; ticketId: string; counter: string },
  now = new Date(),
): Promise<Called> {
  const called = await lockCalledTicket(tx, input, now);
  const [ticket] = await tx
    .update(queueTickets)
    .set({
      calledAt: now,
      counter: input.counter,
      calledBy: caller.actor?.id ?? null,
      calls: sql`${queueTickets.calls} + 1`,
      noShowAt: null,
    })
    .where(eq(queueTickets.id, called.id))
    .returning();
  const label = ticketLabel(ticket!);
  await appendAudit(tx, caller, {
    action: 'queue.recall',
    targetType: 'queue_ticket',
    targetId: ticket!.id,
    unitCode: input.unitCode,
    details: { ticket: label, counter: input.counter, calls: ticket!.calls, wasNoShow: called.noShowAt !== null },
  });
  return {
    ticket: label,
    ticketId: ticket!.id,
    applicationId: ticket!.applicationId,
    counter: input.counter,
    calls: ticket!.calls,
  };
}
