import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-ins, counted per address and per address and client. Keys are hashes of the address typed (with the
 * client's IP for the second kind), so unknown addresses are counted exactly like real ones and nothing here says
 * whether an account exists.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
    /** Per address and client only: no sign-in from that client for that address before this instant. */
    waitUntil: timestamp('wait_until', { withTimezone: true }),
  },
  // Counts older than a day no longer matter and are removed as new failures come in.
  (t) => [index('sign_in_failures_last_failed_idx').on(t.lastFailedAt)],
);
