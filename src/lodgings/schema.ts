import { sql } from 'drizzle-orm';
import {
  boolean,
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

/** Who gives foreigners a place to stay and must report them (UU 6/2011 Pasal 72; shared/domain-oversight.md §2.2). */
export const lodgingKinds = ['hotel', 'homestay', 'kos', 'villa', 'liveaboard', 'private_host'] as const;
export type LodgingKind = (typeof lodgingKinds)[number];

export const lodgingStatuses = ['pending', 'verified', 'refused', 'suspended'] as const;
export type LodgingStatus = (typeof lodgingStatuses)[number];

/**
 * A reporting organisation (a hotel, a homestay, a kos, a boat, a private host), registered by its person in charge
 * and verified by the office whose working area holds its village. Region codes are the village's, kept here so the
 * office's "lodged now per regency" reads one table.
 */
export const lodgings = pgTable(
  'lodgings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<LodgingKind>().notNull(),
    /** Business licence (NIB, TDUP…); private hosts have none. */
    licenceNumber: text('licence_number'),
    address: text('address').notNull(),
    villageCode: text('village_code').notNull(),
    districtCode: text('district_code').notNull(),
    regencyCode: text('regency_code').notNull(),
    /** The Kantor Imigrasi that verifies it and reads its reports (`units/office-for-regency.ts`). */
    unitCode: text('unit_code').notNull(),
    personInCharge: text('person_in_charge').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    status: text('status').$type<LodgingStatus>().notNull().default('pending'),
    statusAt: timestamp('status_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lodgings_unit_idx').on(t.unitCode, t.status), index('lodgings_regency_idx').on(t.regencyCode)],
);
export type Lodging = typeof lodgings.$inferSelect;

/** A lodging's history: registration, verification, refusal, suspension, members added and removed. */
export const lodgingActions = pgTable(
  'lodging_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lodgingId: uuid('lodging_id')
      .notNull()
      .references(() => lodgings.id),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The client's id of the form or call; a resend finds the action done (members' changes have one too). */
    requestId: text('request_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex('lodging_actions_request_key').on(t.lodgingId, t.requestId),
    index('lodging_actions_lodging_idx').on(t.lodgingId, t.at),
  ],
);

/**
 * Each person who reports for a lodging signs in with their own account (APOA once told hotels to share one
 * password): a manager registers the lodging and adds reporters.
 */
export const lodgingMembers = pgTable(
  'lodging_members',
  {
    lodgingId: uuid('lodging_id')
      .notNull()
      .references(() => lodgings.id),
    accountId: uuid('account_id').notNull(),
    role: text('role').$type<'manager' | 'reporter'>().notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    addedBy: uuid('added_by'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.lodgingId, t.accountId] }), index('lodging_members_account_idx').on(t.accountId)],
);

export const stayPurposes = ['tourism', 'business', 'family', 'work', 'study', 'research', 'other'] as const;
export type StayPurpose = (typeof stayPurposes)[number];
export const reportChannels = ['web', 'csv', 'api'] as const;
export type ReportChannel = (typeof reportChannels)[number];

/**
 * One guest's stay at one lodging: the check-in report and, later, the check-out. `clientId` is the reporter's own
 * key for the guest (the hotel software's id, the CSV row's key, the web form's id), unique per lodging, so a report
 * sent twice is one stay. Region and office codes are the lodging's, copied so that "who is lodged now in this
 * regency" is one index scan over millions of stays.
 */
export const stays = pgTable(
  'stays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lodgingId: uuid('lodging_id')
      .notNull()
      .references(() => lodgings.id),
    clientId: text('client_id').notNull(),
    foreignerId: uuid('foreigner_id').notNull(),
    /** The travel document number the guest showed (the person's key is in the foreigners register). */
    documentNumber: text('document_number').notNull(),
    checkInAt: timestamp('check_in_at', { withTimezone: true }).notNull(),
    /** The departure the guest declared, a WITA date: passing it without a check-out is flagged. */
    expectedCheckOutOn: date('expected_check_out_on'),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    room: text('room'),
    purpose: text('purpose').$type<StayPurpose>().notNull(),
    /** The stay permit the lodging saw in the passport: its type and number as written. */
    permitSeen: text('permit_seen'),
    channel: text('channel').$type<ReportChannel>().notNull(),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    checkOutReportedAt: timestamp('check_out_reported_at', { withTimezone: true }),
    /** Reported after the check-in deadline in force at check-in (`lodging_rules`). */
    late: boolean('late').notNull(),
    /** "Surat Tanda Terima Pelaporan Orang Asing" number, printed with a QR that anyone can verify. */
    receiptNumber: text('receipt_number').notNull(),
    /**
     * The storage key of the photo of the biodata page the reporter attached on the check-in page: kept beside the
     * record, never read into it, and deleted through storage when the retention job deletes the stay.
     */
    documentPhotoKey: text('document_photo_key'),
    unitCode: text('unit_code').notNull(),
    regencyCode: text('regency_code').notNull(),
    districtCode: text('district_code').notNull(),
  },
  (t) => [
    uniqueIndex('stays_client_key').on(t.lodgingId, t.clientId),
    uniqueIndex('stays_receipt_key').on(t.receiptNumber),
    index('stays_foreigner_idx').on(t.foreignerId, t.checkInAt),
    index('stays_lodging_idx').on(t.lodgingId, t.checkInAt),
    index('stays_lodged_now_idx')
      .on(t.regencyCode, t.districtCode)
      .where(sql`check_out_at is null`),
    index('stays_reported_idx').on(t.reportedAt),
    // The retention job deletes by the stay's end (the check-out, or the check-in when none was reported) in batches.
    index('stays_retention_idx').on(sql`coalesce(${t.checkOutAt}, ${t.checkInAt})`),
  ],
);
export type Stay = typeof stays.$inferSelect;

/**
 * The reporting deadlines in force, as dated data: today a check-in is due within 24 hours (practice since the
 * Dirjen's 2015 letter, not statute: shared/domain-oversight.md §2.1). `validUntil` is inclusive.
 */
export const lodgingRules = pgTable('lodging_rules', {
  validFrom: date('valid_from').primaryKey(),
  validUntil: date('valid_until'),
  checkInDueHours: integer('check_in_due_hours').notNull(),
  source: text('source').notNull(),
});

/**
 * Read access to the lodged foreigners of an office's area, given by its head of office to a partner police account
 * (UU 63/2024 Pasal 72: police may ask for lodging data). Live while not revoked and `validUntil` (a WITA date,
 * inclusive) has not passed; kept after revocation, for the audit of who could read what when.
 */
export const lodgingReadGrants = pgTable(
  'lodging_read_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    unitCode: text('unit_code').notNull(),
    grantedBy: uuid('granted_by').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    validUntil: date('valid_until').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [index('lodging_read_grants_account_idx').on(t.accountId, t.unitCode)],
);
export type LodgingReadGrant = typeof lodgingReadGrants.$inferSelect;

export const stayNoticeKinds = ['late_check_in', 'missing_check_out'] as const;
export type StayNoticeKind = (typeof stayNoticeKinds)[number];

/**
 * A flag sent about one stay (to the lodging's managers, and listed for the office): one row per stay and kind, so the
 * daily job never tells anyone twice. Deleted with the stay by the retention job.
 */
export const stayNotices = pgTable(
  'stay_notices',
  {
    stayId: uuid('stay_id')
      .notNull()
      .references(() => stays.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<StayNoticeKind>().notNull(),
    lodgingId: uuid('lodging_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.stayId, t.kind] })],
);
