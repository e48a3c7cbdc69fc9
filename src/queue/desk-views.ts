import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { getApplication } from '../applications/get-application.ts';
import { findUnpaidBilling } from '../payments/find-billing.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { ticketLabel } from './issue-ticket.ts';
import { queueTickets, type PriorityReason } from './schema.ts';

export type WaitingTicket = { id: string; ticket: string; issuedAt: Date; priorityReason: PriorityReason | null };
export type CurrentTicket = {
  id: string;
  ticket: string;
  applicationId: string;
  trackingCode: string;
  /** Who the counter is calling, to greet by name (the display shows the number only). */
  fullName: string | null;
  calls: number;
  calledAt: Date;
  noShow: boolean;
};

/** The counter page: the ticket this counter called last today (no-show or not) with its applicant, and everyone still waiting. */
export async function counterView(db: Executor, unitCode: string, counter: string | undefined, now = new Date()) {
  const today = and(eq(queueTickets.unitCode, unitCode), eq(queueTickets.day, witaDate(now)));
  const [waiting, current] = await Promise.all([
    db
      .select({
        id: queueTickets.id,
        series: queueTickets.series,
        number: queueTickets.number,
        issuedAt: queueTickets.issuedAt,
        priorityReason: queueTickets.priorityReason,
      })
      .from(queueTickets)
      .where(and(today, isNull(queueTickets.calledAt), isNull(queueTickets.noShowAt)))
      .orderBy(sql`${queueTickets.series} = 'P' desc`, asc(queueTickets.issuedAt), asc(queueTickets.number)),
    counter
      ? db
          .select()
          .from(queueTickets)
          .where(and(today, eq(queueTickets.counter, counter)))
          .orderBy(desc(queueTickets.calledAt))
          .limit(1)
      : [],
  ]);
  const [last] = current;
  const applicant = last && (await getApplication(db, last.applicationId));
  return {
    waiting: waiting.map((w): WaitingTicket => ({
      id: w.id,
      ticket: ticketLabel(w),
      issuedAt: w.issuedAt,
      priorityReason: w.priorityReason,
    })),
    current:
      last && applicant
        ? ({
            id: last.id,
            ticket: ticketLabel(last),
            applicationId: last.applicationId,
            trackingCode: applicant.trackingCode,
            fullName: applicant.fullName,
            calls: last.calls,
            calledAt: last.calledAt!,
            noShow: last.noShowAt !== null,
          } satisfies CurrentTicket)
        : null,
  };
}

export type IssuedTicket = Awaited<ReturnType<typeof issuedTicket>>;

/** A ticket reception issued, with what the officer checks against the e-KTP and, for walk-ins, the billing to pay. */
export async function issuedTicket(db: Executor, unitCode: string, ticketId: string) {
  const [ticket] = await db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.id, ticketId), eq(queueTickets.unitCode, unitCode)));
  if (!ticket) throw new AppError('not_found');
  const [{ fullName, nik, trackingCode }, billing] = await Promise.all([
    getApplication(db, ticket.applicationId),
    ticket.appointmentId ? findUnpaidBilling(db, ticket.appointmentId) : null,
  ]);
  return {
    fullName,
    nik,
    trackingCode,
    billingCode: billing?.code ?? null,
    billingAmount: billing?.amount ?? null,
    id: ticket.id,
    ticket: ticketLabel(ticket),
    day: ticket.day,
    issuedAt: ticket.issuedAt,
    priorityReason: ticket.priorityReason,
  };
}
