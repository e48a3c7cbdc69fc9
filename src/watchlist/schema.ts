import { sql } from 'drizzle-orm';
import {
  bigserial,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The two ban lists: `exit`, the prevention list (daftar pencegahan: may not leave Indonesia; citizens, and
 * foreigners under administrative action, shared/domain-oversight.md §4.1), and `entry`, the entry-ban list
 * (penangkalan: foreigners who may not enter; a citizen cannot be refused entry).
 */
export const banLists = ['exit', 'entry'] as const;
export type BanList = (typeof banLists)[number];

/** Who put a person on a list: an officer at the list's page or API, or another feature's decision it names. */
export const banSources = ['officer', 'administrative_action'] as const;
export type BanSource = (typeof banSources)[number];

/**
 * The ban lists' entries, kept by authorised officers. An entry matches a person by exact travel-document number or
 * NIK, or by a close name with the same birth date, from its first day through its last (`valid_until`, inclusive, a
 * WITA date): it ends by itself, since every check filters on the day. Entries are lifted, never deleted, and every
 * change is an action in `watchlist_actions`: a case's or a crossing's hit must stay explainable.
 */
export const watchlistEntries = pgTable(
  'watchlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    list: text('list').$type<BanList>().notNull().default('exit'),
    nik: text('nik'),
    /** A foreigner's (or a citizen's passport's) travel document: ICAO nationality and number, as the MRZ has them. */
    nationality: char('nationality', { length: 3 }),
    documentNumber: text('document_number'),
    /** The person in the foreigners register, when the listing names one. */
    foreignerId: uuid('foreigner_id'),
    fullName: text('full_name').notNull(),
    /** The name reduced for matching (see `watchlist/name-key.ts`). */
    nameKey: text('name_key').notNull(),
    birthDate: date('birth_date'),
    /** The legal basis and grounds in words, for the list's keepers only. */
    reason: text('reason').notNull(),
    /** The decision behind the listing, e.g. the number of the letter that asked for it. */
    reference: text('reference').notNull(),
    validFrom: date('valid_from')
      .notNull()
      .default(sql`current_date`),
    /**
     * The last day, inclusive: never empty, so every listing ends. Entries made before ban_lists had none; migration
     * `ban_list_dates` gave them the prevention list's longest first period from the day they were added. The add use
     * case sets it from `ban_rules`.
     */
    validUntil: date('valid_until').notNull(),
    extensions: integer('extensions').notNull().default(0),
    source: text('source').$type<BanSource>().notNull().default('officer'),
    /** The deciding record of another feature (e.g. an administrative-action decision), when `source` names one. */
    sourceRef: text('source_ref'),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    /** The adding client's request id: sent again by the same officer, it finds this entry. */
    requestId: text('request_id'),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by'),
    liftReason: text('lift_reason'),
  },
  (t) => [
    index('watchlist_entries_nik_idx').on(t.nik),
    index('watchlist_entries_birth_date_idx').on(t.birthDate),
    index('watchlist_entries_document_idx').on(t.documentNumber),
    index('watchlist_entries_list_added_idx').on(t.list, t.addedAt),
    uniqueIndex('watchlist_entries_request_key')
      .on(t.addedBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type WatchlistEntry = typeof watchlistEntries.$inferSelect;

/** What happened to an entry: added, extended (with the end before and after), lifted (with the reason). */
export const watchlistActionTypes = ['add', 'extend', 'lift'] as const;
export type WatchlistActionType = (typeof watchlistActionTypes)[number];

export const watchlistActions = pgTable(
  'watchlist_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => watchlistEntries.id),
    type: text('type').$type<WatchlistActionType>().notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** Client-supplied request id: a resent form finds its action already there and changes nothing. */
    requestId: text('request_id'),
  },
  (t) => [
    index('watchlist_actions_entry_idx').on(t.entryId, t.id),
    uniqueIndex('watchlist_actions_request_key')
      .on(t.entryId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type WatchlistAction = typeof watchlistActions.$inferSelect;

/**
 * How long a listing may last, per list, as dated data (see `seed-ban-rules.ts`): at most `max_months` from its first
 * day, then at most `max_extensions` extensions of at most `extension_months` each. The row in force on the day an
 * officer records the listing or the extension applies.
 */
export const banRules = pgTable('ban_rules', {
  id: text('id').primaryKey(),
  list: text('list').$type<BanList>().notNull(),
  validFrom: date('valid_from').notNull(),
  /** Last day the row applies, inclusive; null while in force. */
  validUntil: date('valid_until'),
  maxMonths: integer('max_months').notNull(),
  extensionMonths: integer('extension_months').notNull(),
  maxExtensions: integer('max_extensions').notNull(),
  /** The provision, as the list's pages and refusals cite it. */
  basis: text('basis').notNull(),
  source: text('source').notNull(),
});
export type BanRule = typeof banRules.$inferSelect;
