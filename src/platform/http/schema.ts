import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Rate-limit counts shared by every server process on one PostgreSQL (RATE_LIMIT_STORE=database): one row per route
 * and client key (a hash, so no address or account id is stored), counting from the first request of its window.
 * Rows whose window has ended are deleted on the way (see DatabaseRateLimitStore); no index on `expires_at`, so
 * that the counter's updates stay HOT.
 */
export const rateLimitHits = pgTable('rate_limit_hits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});
