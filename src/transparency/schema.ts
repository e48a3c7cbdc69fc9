import { integer, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * The transparency report of a year as last computed: the page, its CSVs, the API and the open data read it while
 * it is younger than the configured age, so that a visitor never waits for counts over millions of records.
 */
export const transparencySnapshots = pgTable('transparency_snapshots', {
  year: integer('year').primaryKey(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  report: jsonb('report').notNull(),
});
