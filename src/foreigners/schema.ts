import { sql } from 'drizzle-orm';
import { char, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const sexes = ['M', 'F', 'X'] as const;
export type Sex = (typeof sexes)[number];

/**
 * One foreign person, however many lodgings, permits or crossings report them. The person is found by a travel
 * document (nationality + number + birth date, see `travel_documents`); the name and sex are the latest document's.
 */
export const foreigners = pgTable(
  'foreigners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** ICAO 9303 three-letter code (ISO 3166-1 alpha-3, plus ICAO's own such as D for Germany, written D<<). */
    nationality: char('nationality', { length: 3 }).notNull(),
    birthDate: date('birth_date').notNull(),
    surname: text('surname').notNull(),
    givenNames: text('given_names').notNull(),
    sex: text('sex').$type<Sex>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('foreigners_nationality_idx').on(t.nationality)],
);
export type Foreigner = typeof foreigners.$inferSelect;

/**
 * The travel documents a person has shown, oldest first. The identity key is unique: the same passport reported by two
 * lodgings finds the same person. A renewed passport is linked to the person by an officer (or arrives first as a new
 * person and is merged); it never silently replaces the old one, which stays in the history.
 */
export const travelDocuments = pgTable(
  'travel_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    foreignerId: uuid('foreigner_id')
      .notNull()
      .references(() => foreigners.id),
    nationality: char('nationality', { length: 3 }).notNull(),
    number: text('number').notNull(),
    birthDate: date('birth_date').notNull(),
    issuingState: char('issuing_state', { length: 3 }).notNull(),
    expiresOn: date('expires_on'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('travel_documents_identity_key').on(t.nationality, t.number, t.birthDate),
    index('travel_documents_foreigner_idx').on(t.foreignerId),
  ],
);
export type TravelDocument = typeof travelDocuments.$inferSelect;

/**
 * A departure from Indonesia as an officer or the crossing desk recorded it. A permit's end after a departure with no
 * arrival since (`arrivals`) is not an overstay.
 */
export const departures = pgTable(
  'departures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    foreignerId: uuid('foreigner_id')
      .notNull()
      .references(() => foreigners.id),
    /** WITA calendar date the person left. */
    departedOn: date('departed_on').notNull(),
    unitCode: text('unit_code').notNull(),
    /** Where they left from, e.g. "Bandara El Tari" or "PLBN Motaain". */
    place: text('place').notNull(),
    recordedBy: uuid('recorded_by'),
    requestId: text('request_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('departures_foreigner_idx').on(t.foreignerId, t.departedOn),
    uniqueIndex('departures_request_key')
      .on(t.recordedBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type Departure = typeof departures.$inferSelect;

/**
 * An arrival in Indonesia that the crossing desk let through (cleared, or allowed by a supervisor): it opens presence
 * again, so a departure before it no longer counts as the person being away (`departed-sql.ts`).
 */
export const arrivals = pgTable(
  'arrivals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    foreignerId: uuid('foreigner_id')
      .notNull()
      .references(() => foreigners.id),
    /** WITA calendar date the person came in. */
    arrivedOn: date('arrived_on').notNull(),
    unitCode: text('unit_code').notNull(),
    /** Where they came in, e.g. "PLBN Motaain". */
    place: text('place').notNull(),
    recordedBy: uuid('recorded_by'),
    requestId: text('request_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // "Any arrival of this person after that departure": one probe of this index per departure looked at.
    index('arrivals_foreigner_idx').on(t.foreignerId, t.arrivedOn, t.recordedAt),
    uniqueIndex('arrivals_request_key')
      .on(t.recordedBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type Arrival = typeof arrivals.$inferSelect;
