import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Izin tinggal kunjungan, terbatas, tetap, and the Golden Visa's (shared/domain-oversight.md §1.1). */
export const permitTypes = ['itk', 'itas', 'itap', 'golden_visa'] as const;
export type PermitType = (typeof permitTypes)[number];

/** How the holder entered, which decides the ITK's extension regime and whether alih status is open to it (§1.2, §1.4). */
export const entryBases = ['visit_visa', 'voa', 'visa_free', 'limited_stay_visa', 'conversion', 'crew'] as const;
export type EntryBasis = (typeof entryBases)[number];

export const permitStatuses = ['active', 'ended', 'converted', 'cancelled'] as const;
export type PermitStatus = (typeof permitStatuses)[number];

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
    unitCode: text('unit_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sponsors_registration_key').on(t.kind, t.registrationNumber)],
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
