import { boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Form proofs already used, in the database so that a token is good once across every server process, until it
 * could no longer be used anyway (`forget_at`). `time_locked`: sent without solved work, after the wait; such
 * sends take turns per subject (see FormProof.check).
 */
export const spentFormProofs = pgTable(
  'spent_form_proofs',
  {
    nonce: text('nonce').primaryKey(),
    subjectHash: text('subject_hash').notNull(),
    timeLocked: boolean('time_locked').notNull(),
    spentAt: timestamp('spent_at', { withTimezone: true }).notNull().defaultNow(),
    forgetAt: timestamp('forget_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('spent_form_proofs_subject_idx').on(t.subjectHash, t.spentAt),
    index('spent_form_proofs_forget_idx').on(t.forgetAt),
  ],
);
