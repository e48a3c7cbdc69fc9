import { sql } from 'drizzle-orm';
import {
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

/**
 * The kecamatan whose residents may hold a Pas Lintas Batas, as dated data keyed by the Kemendagri district codes of
 * the region tables (`validUntil` inclusive). Seeded from the RI–RDTL arrangement of June 2003 (`seed-pass-rules.ts`
 * says which district each listed name became).
 */
export const borderPassDistricts = pgTable(
  'border_pass_districts',
  {
    districtCode: text('district_code').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    /** The name the source lists, where the region tables spell it otherwise or moved it to another regency. */
    note: text('note').notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.validFrom] })],
);

/**
 * The pass's rules in force, as dated data: how long a pass is valid, and how long its holder may stay across the
 * border (days, extensions, their length, the ceiling). A new rule is a new row, never an edited one.
 */
export const borderPassRules = pgTable('border_pass_rules', {
  validFrom: date('valid_from').primaryKey(),
  validUntil: date('valid_until'),
  validityMonths: integer('validity_months').notNull(),
  stayDays: integer('stay_days').notNull(),
  stayExtensions: integer('stay_extensions').notNull(),
  extensionDays: integer('extension_days').notNull(),
  maxStayDays: integer('max_stay_days').notNull(),
  source: text('source').notNull(),
});
export type BorderPassRule = typeof borderPassRules.$inferSelect;

/** valid → replaced (renewed) | lost | revoked. A valid pass past its `validUntil` is expired, not another status. */
export const passStatuses = ['valid', 'replaced', 'lost', 'revoked'] as const;
export type PassStatus = (typeof passStatuses)[number];
export const issueChannels = ['office', 'outreach'] as const;
export type IssueChannel = (typeof issueChannels)[number];

export type StoredPhoto = { key: string; mediaType: string; size: number; sha256: string };

/**
 * A Pas Lintas Batas: the holder as the office checked them, the village head's endorsement, two photos (in
 * storage), where it was issued (the office, or an outreach duty in a village), and its place in a chain of renewals
 * and replacements. `token` is the unguessable key its QR carries; `number` is printed and typed at the desk. At most
 * one valid pass per NIK (the partial unique index): a new one replaces the old through renewal.
 */
export const borderPasses = pgTable(
  'border_passes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    token: text('token').notNull(),
    status: text('status').$type<PassStatus>().notNull().default('valid'),
    unitCode: text('unit_code').notNull(),
    nik: text('nik').notNull(),
    fullName: text('full_name').notNull(),
    birthPlace: text('birth_place').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').$type<'F' | 'M'>().notNull(),
    address: text('address').notNull(),
    villageCode: text('village_code').notNull(),
    districtCode: text('district_code').notNull(),
    endorsementNumber: text('endorsement_number').notNull(),
    endorsementDate: date('endorsement_date').notNull(),
    photos: jsonb('photos').$type<StoredPhoto[]>().notNull(),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until').notNull(),
    channel: text('channel').$type<IssueChannel>().notNull(),
    /** On outreach: the issuing officer's roster duty that day, and the session or visit it served. */
    dutyId: uuid('duty_id'),
    outreachRefId: uuid('outreach_ref_id'),
    replacesId: uuid('replaces_id'),
    replacedById: uuid('replaced_by_id'),
    issuedBy: uuid('issued_by'),
    /** The client's id of the issuing form or call: a resend finds the pass it made. */
    requestId: text('request_id'),
    statusAt: timestamp('status_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('border_passes_number_key').on(t.number),
    uniqueIndex('border_passes_token_key').on(t.token),
    uniqueIndex('border_passes_request_key').on(t.requestId),
    uniqueIndex('border_passes_one_valid_key')
      .on(t.nik)
      .where(sql`status = 'valid'`),
    index('border_passes_nik_idx').on(t.nik),
    index('border_passes_unit_idx').on(t.unitCode, t.createdAt),
  ],
);
export type BorderPass = typeof borderPasses.$inferSelect;

/** A pass's history: issued, renewed, reported lost, replaced, revoked; each with who, when and why. */
export const borderPassActions = pgTable(
  'border_pass_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    passId: uuid('pass_id')
      .notNull()
      .references(() => borderPasses.id),
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
    uniqueIndex('border_pass_actions_request_key').on(t.passId, t.requestId),
    index('border_pass_actions_pass_idx').on(t.passId, t.at),
  ],
);

/**
 * An issuance refused because the applicant matched the prevention list (pencegahan): kept for the head of office,
 * who follows it up with the list's keepers. The applicant and the counter are told only that no pass can be issued.
 */
export const borderPassRefusals = pgTable(
  'border_pass_refusals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    nik: text('nik').notNull(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date').notNull(),
    watchlistEntryId: uuid('watchlist_entry_id').notNull(),
    match: text('match').notNull(),
    refusedBy: uuid('refused_by'),
    refusedAt: timestamp('refused_at', { withTimezone: true }).notNull().defaultNow(),
    requestId: text('request_id'),
  },
  (t) => [
    uniqueIndex('border_pass_refusals_request_key').on(t.requestId),
    index('border_pass_refusals_unit_idx').on(t.unitCode, t.refusedAt),
  ],
);
