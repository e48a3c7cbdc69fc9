import { sql } from 'drizzle-orm';
import {
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const directions = ['arrival', 'departure'] as const;
export type Direction = (typeof directions)[number];
export const travellerKinds = ['citizen', 'foreigner'] as const;
export type TravellerKind = (typeof travellerKinds)[number];
export const documentKinds = ['passport', 'plb'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** cleared: green, crossed; held: red, waiting for a supervisor; then allowed, refused or handed over to an agency. */
export const crossingStatuses = ['cleared', 'held', 'allowed', 'refused', 'handed_over'] as const;
export type CrossingStatus = (typeof crossingStatuses)[number];
export const verdicts = ['green', 'red'] as const;
export type Verdict = (typeof verdicts)[number];

/**
 * One reason of a verdict: a code the desk shows in words (`border.reasons.<code>`), its weight (`red` holds the
 * traveller; `amber` is a note the crossing still passes with, e.g. a PLB holder back late) and what the words need.
 */
export type VerdictReason = { code: string; level: 'red' | 'amber'; params?: Record<string, string | number> };

/**
 * A crossing as the desk recorded it: the traveller as read from the document, the verdict with its reasons, and a
 * status cached from `crossing_actions` (only the supervisor's decision moves it). Append-only otherwise: nothing
 * here is edited or deleted. `requestId` is the desk officer's own (unique per officer), so a form resent after a
 * dropped connection finds the crossing it made and shows the same verdict.
 */
export const crossings = pgTable(
  'crossings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pointCode: text('point_code').notNull(),
    /** The unit operating the point, copied so that a supervisor's scope is one comparison. */
    unitCode: text('unit_code').notNull(),
    direction: text('direction').$type<Direction>().notNull(),
    travellerKind: text('traveller_kind').$type<TravellerKind>().notNull(),
    documentKind: text('document_kind').$type<DocumentKind>().notNull(),
    documentNumber: text('document_number').notNull(),
    /** ICAO code of the document (IDN for a citizen's passport and every PLB). */
    nationality: char('nationality', { length: 3 }).notNull(),
    /** A citizen's NIK where the document leads to one (a PLB). */
    nik: text('nik'),
    /** A foreigner's person in the register (foreigners' `recordForeigners`). */
    foreignerId: uuid('foreigner_id'),
    /** The Pas Lintas Batas shown. */
    passId: uuid('pass_id'),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date'),
    documentExpiresOn: date('document_expires_on'),
    /** The WITA day the desk recorded the crossing; one held and allowed later happened on the WITA day of its
     * `status_at` (counted, departed or arrived then). */
    crossedOn: date('crossed_on').notNull(),
    verdict: text('verdict').$type<Verdict>().notNull(),
    reasons: jsonb('reasons').$type<VerdictReason[]>().notNull(),
    /** The ban-list entries matched (ids only), for the supervisor's look-up with the list's keepers. */
    banEntryIds: jsonb('ban_entry_ids').$type<string[]>().notNull(),
    status: text('status').$type<CrossingStatus>().notNull(),
    statusAt: timestamp('status_at', { withTimezone: true }).notNull().defaultNow(),
    /** A PLB departure: the last day of the stay the rule allows without extensions (the overdue list's key). */
    returnBy: date('return_by'),
    /** A PLB arrival: the stay extensions the holder showed, judged against the rule. */
    extensions: integer('extensions'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    requestId: text('request_id'),
  },
  (t) => [
    uniqueIndex('crossings_request_key')
      .on(t.recordedBy, t.requestId)
      .where(sql`request_id is not null`),
    index('crossings_point_idx').on(t.pointCode, t.recordedAt),
    // "Is this traveller held?" at every desk look-up: only the few held crossings are in these indexes.
    index('crossings_held_document_idx')
      .on(t.documentNumber)
      .where(sql`status = 'held'`),
    index('crossings_held_nik_idx')
      .on(t.nik)
      .where(sql`status = 'held' and nik is not null`),
    index('crossings_held_birth_date_idx')
      .on(t.birthDate)
      .where(sql`status = 'held'`),
    index('crossings_pass_idx')
      .on(t.passId, t.recordedAt)
      .where(sql`pass_id is not null`),
    index('crossings_plb_out_idx')
      .on(t.pointCode, t.returnBy)
      .where(sql`return_by is not null`),
    index('crossings_foreigner_idx')
      .on(t.foreignerId)
      .where(sql`foreigner_id is not null`),
  ],
);
export type Crossing = typeof crossings.$inferSelect;

/** A crossing's history: recorded (with the verdict), then a supervisor's allow, refuse or hand-over with a reason. */
export const crossingActions = pgTable(
  'crossing_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    crossingId: uuid('crossing_id')
      .notNull()
      .references(() => crossings.id),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    requestId: text('request_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex('crossing_actions_request_key').on(t.crossingId, t.requestId),
    index('crossing_actions_crossing_idx').on(t.crossingId, t.at),
  ],
);
export type CrossingAction = typeof crossingActions.$inferSelect;

/**
 * Crossings that happened, counted per WITA day, point, direction, kind of traveller and document: upserted in the
 * transaction that clears or allows a crossing, so the figures never scan `crossings`.
 */
export const crossingDailyCounts = pgTable(
  'crossing_daily_counts',
  {
    day: date('day').notNull(),
    pointCode: text('point_code').notNull(),
    direction: text('direction').$type<Direction>().notNull(),
    travellerKind: text('traveller_kind').$type<TravellerKind>().notNull(),
    documentKind: text('document_kind').$type<DocumentKind>().notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.pointCode, t.direction, t.travellerKind, t.documentKind] })],
);
