import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** `A` for booked arrivals (reguler and percepatan), `P` for priority walk-ins. */
export const ticketSeries = ['A', 'P'] as const;
export type TicketSeries = (typeof ticketSeries)[number];
/** Who may walk in without a booking, under the priority quota: lansia 60+, disabled, pregnant, balita under 5. */
export const priorityReasons = ['elderly', 'disabled', 'pregnant', 'toddler'] as const;
export type PriorityReason = (typeof priorityReasons)[number];

/**
 * One arrival at a unit on a day: the ticket (`A-012`) and its way through the queue. Numbers count per unit, day
 * and series; the unique index settles two receptions issuing at once.
 */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    day: date('day').notNull(),
    series: text('series').$type<TicketSeries>().notNull(),
    number: integer('number').notNull(),
    applicationId: uuid('application_id').notNull(),
    appointmentId: uuid('appointment_id'),
    priorityReason: text('priority_reason').$type<PriorityReason>(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by'),
    /** The newest call: which counter, by whom, how many times (recalls). */
    calledAt: timestamp('called_at', { withTimezone: true }),
    counter: text('counter'),
    calledBy: uuid('called_by'),
    calls: integer('calls').notNull().default(0),
    noShowAt: timestamp('no_show_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('queue_tickets_number_key').on(t.unitCode, t.day, t.series, t.number),
    uniqueIndex('queue_tickets_application_day_key').on(t.applicationId, t.day),
    index('queue_tickets_waiting_idx')
      .on(t.unitCode, t.day, t.issuedAt)
      .where(sql`called_at is null and no_show_at is null`),
  ],
);
export type QueueTicket = typeof queueTickets.$inferSelect;
