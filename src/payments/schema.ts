import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What a billing code pays for: the feature that issued it takes the payment (`PaidForByPurpose`). */
export const billingPurposes = ['appointment', 'stay_permit_service', 'overstay'] as const;
export type BillingPurpose = (typeof billingPurposes)[number];

/**
 * A 15-digit billing code (kode billing) for one fee: an appointment's (unpaid codes expire after two hours), a stay
 * permit service's or an overstay charge's (`subjectId` names the record).
 */
export const billings = pgTable(
  'billings',
  {
    code: text('code').primaryKey(),
    purpose: text('purpose').$type<BillingPurpose>().notNull().default('appointment'),
    appointmentId: uuid('appointment_id'),
    applicationId: uuid('application_id'),
    subjectId: uuid('subject_id'),
    amount: integer('amount').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** The bank's or treasury's own reference for the payment. */
    paymentReference: text('payment_reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('billings_appointment_idx').on(t.appointmentId),
    index('billings_subject_idx').on(t.subjectId),
    // PNBP billed and paid in a period (the dashboard).
    index('billings_created_idx').on(t.createdAt),
    index('billings_paid_idx').on(t.paidAt),
    index('billings_unpaid_idx')
      .on(t.expiresAt)
      .where(sql`paid_at is null`),
  ],
);
export type Billing = typeof billings.$inferSelect;

export const paymentChannelKinds = [
  'teller',
  'atm',
  'internet_banking',
  'mobile_banking',
  'post_office',
  'marketplace',
  'e_wallet',
] as const;
export type PaymentChannelKind = (typeof paymentChannelKinds)[number];

/**
 * Where a billing code (kode billing SIMPONI) can be paid, and how: editable data, seeded with the channels people
 * in NTT use. The steps are short lines in both languages; `{{code}}` and `{{amount}}` are filled in.
 */
export const paymentChannels = pgTable('payment_channels', {
  code: text('code').primaryKey(),
  kind: text('kind').$type<PaymentChannelKind>().notNull(),
  name: text('name').notNull(),
  stepsId: jsonb('steps_id').$type<string[]>().notNull(),
  stepsEn: jsonb('steps_en').$type<string[]>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});
export type PaymentChannel = typeof paymentChannels.$inferSelect;
