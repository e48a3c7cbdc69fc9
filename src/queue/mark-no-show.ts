import { eq } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { lockCalledTicket } from './called-ticket.ts';
import { ticketLabel } from './issue-ticket.ts';
import { queueTickets } from './schema.ts';

/**
 * The called applicant did not come to the counter: the ticket leaves the queue and the display. The application
 * stays `checked_in` (the applicant did arrive and the booking was used); the no-show is written in its history, and
 * a recall brings the ticket back if they return the same day. Their case can still be served from the case page.
 */
export async function markNoShow(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; ticketId: string },
  now = new Date(),
): Promise<{ ticket: string }> {
  const called = await lockCalledTicket(tx, input, now);
  if (called.noShowAt) throw new AppError('invalid_transition');
  await tx.update(queueTickets).set({ noShowAt: now }).where(eq(queueTickets.id, called.id));
  const label = ticketLabel(called);
  await recordAction(tx, caller, {
    applicationId: called.applicationId,
    type: 'queue_no_show',
    payload: { ticket: label, counter: called.counter },
  });
  await appendAudit(tx, caller, {
    action: 'queue.no_show',
    targetType: 'queue_ticket',
    targetId: called.id,
    unitCode: input.unitCode,
    details: { ticket: label },
  });
  return { ticket: label };
}
