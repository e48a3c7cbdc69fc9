import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The prevention list (daftar pencegahan), kept by authorised officers. An entry matches an applicant by exact NIK, or
 * by a close name with the same birth date. Entries are lifted, never deleted: a case's hit must stay explainable.
 */
export const watchlistEntries = pgTable(
  'watchlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nik: text('nik'),
    fullName: text('full_name').notNull(),
    /** The name reduced for matching (see `watchlist/name-key.ts`). */
    nameKey: text('name_key').notNull(),
    birthDate: date('birth_date'),
    reason: text('reason').notNull(),
    /** The decision behind the listing, e.g. the number of the letter that asked for it. */
    reference: text('reference').notNull(),
    validUntil: date('valid_until'),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by'),
    liftReason: text('lift_reason'),
  },
  (t) => [index('watchlist_entries_nik_idx').on(t.nik), index('watchlist_entries_birth_date_idx').on(t.birthDate)],
);
export type WatchlistEntry = typeof watchlistEntries.$inferSelect;
