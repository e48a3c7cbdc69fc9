import { sql } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { attendAppointment } from '../appointments/attend-appointment.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { constraintOf, sqlState, takeTurn, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { queueTickets, type PriorityReason, type QueueTicket, type TicketSeries } from './schema.ts';

/** What the display and the slip show: `A-007`. */
export const ticketLabel = (t: { series: TicketSeries; number: number }) =>
  `${t.series}-${String(t.number).padStart(3, '0')}`;

/** The lock space of ticket numbering (takeTurn). */
const QUEUE_LOCK_SPACE = 7410;

type Arrival = {
  unitCode: string;
  day: IsoDate;
  series: TicketSeries;
  applicationId: string;
  appointmentId: string;
  priorityReason?: PriorityReason;
};

/**
 * Numbers count per unit, day and series. Receptions issuing in the same series at once take turns on an advisory
 * lock held to commit, so each reads the highest number the previous one wrote (retrying on the unique index instead
 * costs a round of failures per waiting reception). The unique index stays as the guarantee.
 */
async function insertTicket(tx: Tx, caller: Caller, arrival: Arrival): Promise<QueueTicket> {
  await takeTurn(tx, QUEUE_LOCK_SPACE, `${arrival.unitCode}|${arrival.day}|${arrival.series}`);
  try {
    const [row] = await tx
      .insert(queueTickets)
      .values({
        ...arrival,
        number: sql`(select coalesce(max(number), 0) + 1 from queue_tickets where unit_code = ${arrival.unitCode} and day = ${arrival.day}::date and series = ${arrival.series})`,
        issuedBy: caller.actor?.id ?? null,
      })
      .returning();
    return row!;
  } catch (err) {
    if (sqlState(err) === '23505' && constraintOf(err) === 'queue_tickets_application_day_key')
      throw new AppError('already_checked_in');
    throw err;
  }
}

/**
 * Issues the arrival's ticket and moves the application to `checked_in`, recorded in its history. The appointment
 * is used up (attended): it no longer holds the person's one live booking.
 */
export async function admitToQueue(
  tx: Tx,
  caller: Caller,
  arrival: Arrival,
  now: Date,
): Promise<{ ticket: QueueTicket; label: string }> {
  const ticket = await insertTicket(tx, caller, arrival);
  const label = ticketLabel(ticket);
  await attendAppointment(tx, arrival.appointmentId, now);
  await recordAction(tx, caller, {
    applicationId: arrival.applicationId,
    type: 'check_in',
    status: 'checked_in',
    payload: { ticket: label, appointmentId: arrival.appointmentId },
  });
  return { ticket, label };
}
