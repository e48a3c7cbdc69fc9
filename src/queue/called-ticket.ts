import { and, eq } from 'drizzle-orm';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { queueTickets, type QueueTicket } from './schema.ts';

/** A ticket of the unit called today, locked: recall and no-show act only on tickets a counter has called. */
export async function lockCalledTicket(
  tx: Tx,
  input: { unitCode: string; ticketId: string },
  now: Date,
): Promise<QueueTicket> {
  const [ticket] = await tx
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.id, input.ticketId), eq(queueTickets.unitCode, input.unitCode)))
    .for('update');
  if (!ticket) throw new AppError('not_found');
  if (!ticket.calledAt || ticket.day !== witaDate(now)) throw new AppError('invalid_transition');
  return ticket;
}
