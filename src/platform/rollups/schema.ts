import { bigint, date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Counts per WITA day, unit and key (a passport type, a deferral reason; '' when a count has none) of a daily source
 * a feature defines over its own records, computed ahead so that a figure over a year of millions of records reads a
 * few thousand rows. Written only by `refresh-rollup.ts`.
 */
export const dailyCounts = pgTable(
  'daily_counts',
  {
    source: text('source').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    unitCode: text('unit_code').notNull(),
    key: text('key').notNull().default(''),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.day, t.unitCode, t.key] })],
);

/** The days of a source whose counts are computed, and when: a figure over other days is computed from the records. */
export const rollupRefreshes = pgTable('rollup_refreshes', {
  source: text('source').primaryKey(),
  fromDay: date('from_day', { mode: 'string' }).notNull(),
  toDay: date('to_day', { mode: 'string' }).notNull(),
  /** When the last days (today's included) were counted: how old the figures are. */
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  /** When every day from `fromDay` was counted again, catching late corrections to old records. */
  rebuiltAt: timestamp('rebuilt_at', { withTimezone: true }).notNull(),
});
