import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Izin tinggal kunjungan, terbatas, tetap, and the Golden Visa's (shared/domain-oversight.md §1.1). */
export const permitTypes = ['itk', 'itas', 'itap', 'golden_visa'] as const;
export type PermitType = (typeof permitTypes)[number];

/** How the holder entered, which decides the ITK's extension regime and whether alih status is open to it (§1.2, §1.4). */
export const entryBases = ['visit_visa', 'voa', 'visa_free', 'limited_stay_visa', 'conversion', 'crew'] as const;
export type EntryBasis = (typeof entryBases)[number];

export const permitStatuses = ['active', 'ended', 'converted', 'cancelled'] as const;
export type PermitStatus = (typeof permitStatuses)[number];

/** A sponsor's registration as the office decided it: only a verified sponsor may be named on a permit. */
export const sponsorStatuses = ['pending', 'verified', 'refused'] as const;
export type SponsorStatus = (typeof sponsorStatuses)[number];

/**
 * A sponsor (penjamin, UU 6/2011 Pasal 63): a company or a person answerable for the foreigners it sponsors, who
 * reports their changes and bears the cost of their removal. People sign in to act for it (`sponsor_members`).
 */
export const sponsors = pgTable(
  'sponsors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'company' | 'person'>().notNull(),
    name: text('name').notNull(),
    /** NIB for a company, NIK for a person (Permenkumham 36/2021: a person sponsor is a citizen). */
    registrationNumber: text('registration_number').notNull(),
    address: text('address').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    /** The regency of the address, which decides the office that verifies the sponsor (units' working areas). */
    regencyCode: text('regency_code').notNull(),
    unitCode: text('unit_code').notNull(),
    status: text('status').$type<SponsorStatus>().notNull().default('pending'),
    /** When the registrant declared the Permenkumham 36/2021 conditions met (shared/domain-oversight.md §1.6). */
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sponsors_registration_key').on(t.kind, t.registrationNumber),
    index('sponsors_unit_idx').on(t.unitCode, t.status),
  ],
);
export type Sponsor = typeof sponsors.$inferSelect;

export const sponsorMembers = pgTable(
  'sponsor_members',
  {
    sponsorId: uuid('sponsor_id')
      .notNull()
      .references(() => sponsors.id),
    accountId: uuid('account_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sponsorId, t.accountId] }), index('sponsor_members_account_idx').on(t.accountId)],
);

/**
 * A stay permit as granted: one row per permit, its validity moved by extensions (each an action in the services'
 * history). A foreigner married to a citizen has a responsible person (penanggung jawab) instead of a sponsor.
 */
export const stayPermits = pgTable(
  'stay_permits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    foreignerId: uuid('foreigner_id').notNull(),
    type: text('type').$type<PermitType>().notNull(),
    entryBasis: text('entry_basis').$type<EntryBasis>().notNull(),
    /** The visa index, e.g. "C1" (tourist visit) or "E28A" (investment), as the visa classification names it. */
    visaIndex: text('visa_index'),
    permitNumber: text('permit_number'),
    entryDate: date('entry_date').notNull(),
    validFrom: date('valid_from').notNull(),
    /** The last WITA day of stay, inclusive: the day after it, a person still here overstays. */
    validUntil: date('valid_until').notNull(),
    extensions: integer('extensions').notNull().default(0),
    unitCode: text('unit_code').notNull(),
    sponsorId: uuid('sponsor_id').references(() => sponsors.id),
    responsiblePerson: text('responsible_person'),
    /** The permit this one came from by alih status. */
    previousPermitId: uuid('previous_permit_id'),
    status: text('status').$type<PermitStatus>().notNull().default('active'),
    /**
     * A change of status filed and paid before this permit ended: while it is decided, the days past the end are
     * not overstay (shared/domain-oversight.md §1.4). Cleared by the decision.
     */
    pendingChangePaidOn: date('pending_change_paid_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stay_permits_number_key')
      .on(t.permitNumber)
      .where(sql`permit_number is not null`),
    index('stay_permits_foreigner_idx').on(t.foreignerId),
    index('stay_permits_sponsor_idx').on(t.sponsorId),
    index('stay_permits_active_until_idx')
      .on(t.validUntil)
      .where(sql`status = 'active'`),
  ],
);
export type StayPermit = typeof stayPermits.$inferSelect;

/**
 * A permit's history, append-only: granted, extended, converted, cancelled, ended, the change paid and cleared; each
 * with who, when and what (payload), and the client's request id, unique per permit, so a resent form changes nothing.
 */
export const stayPermitActions = pgTable(
  'stay_permit_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    permitId: uuid('permit_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('stay_permit_actions_permit_idx').on(t.permitId, t.id),
    uniqueIndex('stay_permit_actions_request_key')
      .on(t.permitId, t.requestId)
      .where(sql`request_id is not null`),
    // A permit is granted once per request: a resent grant finds the permit it made.
    uniqueIndex('stay_permit_actions_grant_request_key')
      .on(t.requestId)
      .where(sql`type = 'granted' and request_id is not null`),
  ],
);
export type StayPermitAction = typeof stayPermitActions.$inferSelect;

/**
 * Who needs no sponsor, as dated data (Permenkumham 36/2021, shared/domain-oversight.md §1.6): a permit type, with
 * an entry basis or (null) any. Everyone else names a verified sponsor or, married to a citizen, a responsible person.
 */
export const sponsorExemptions = pgTable(
  'sponsor_exemptions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    permitType: text('permit_type').$type<PermitType>().notNull(),
    entryBasis: text('entry_basis').$type<EntryBasis>(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    source: text('source').notNull(),
  },
  (t) => [unique('sponsor_exemptions_key').on(t.permitType, t.entryBasis, t.validFrom).nullsNotDistinct()],
);

/** Pasal 63/71 changes a sponsor reports on a sponsored foreigner. */
export const changeKinds = ['address', 'civil_status', 'job', 'sponsor'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export const permitChangeReports = pgTable(
  'permit_change_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    permitId: uuid('permit_id')
      .notNull()
      .references(() => stayPermits.id),
    sponsorId: uuid('sponsor_id').notNull(),
    unitCode: text('unit_code').notNull(),
    kind: text('kind').$type<ChangeKind>().notNull(),
    details: text('details').notNull(),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    index('permit_change_reports_unit_idx').on(t.unitCode, t.acknowledgedAt),
    index('permit_change_reports_permit_idx').on(t.permitId),
  ],
);
export type PermitChangeReport = typeof permitChangeReports.$inferSelect;

/** One notice per permit, threshold (days before the end) and end date: the daily job never mails twice. */
export const permitEndNotices = pgTable(
  'permit_end_notices',
  {
    permitId: uuid('permit_id').notNull(),
    daysBefore: integer('days_before').notNull(),
    validUntil: date('valid_until').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.permitId, t.daysBefore, t.validUntil] })],
);
