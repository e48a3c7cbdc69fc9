import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A 15-digit billing code (kode billing) for one appointment's fee; unpaid codes expire after two hours. */
export const billings = pgTable(
  'billings',
  {
    code: text('code').primaryKey(),
    appointmentId: uuid('appointment_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    amount: integer('amount').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** The bank's or treasury's own reference for the payment. */
    paymentReference: text('payment_reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('billings_appointment_idx').on(t.appointmentId), index('billings_unpaid_idx').on(t.expiresAt).where(sql`paid_at is null`)],
);
