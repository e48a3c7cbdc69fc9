import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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

export const complaintChannels = ['web', 'counter', 'phone', 'whatsapp', 'lapor'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];
/** pengaduan, aspirasi, permintaan informasi, whistle-blowing about an officer. */
export const complaintTypes = ['complaint', 'aspiration', 'information', 'whistleblowing'] as const;
export type ComplaintType = (typeof complaintTypes)[number];
/** The Ombudsman's maladministration list (domain.md), plus "other". */
export const complaintCategories = [
  'undue_delay',
  'illegal_charges',
  'outside_procedure',
  'improper_conduct',
  'incompetence',
  'misuse_of_authority',
  'not_serving',
  'conflict_of_interest',
  'other',
] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];
export const complaintStatuses = [
  'received',
  'verified',
  'forwarded',
  'archived',
  'in_progress',
  'answered',
  'closed',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/**
 * A complaint from anyone, with or without an account. The secret (stored as a hash) is the complainant's key to
 * follow it; an anonymous complainant has no other. `status` caches the newest status-setting action.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingCode: text('tracking_code').notNull(),
    secretHash: text('secret_hash').notNull(),
    channel: text('channel').$type<ComplaintChannel>().notNull(),
    type: text('type').$type<ComplaintType>().notNull(),
    category: text('category').$type<ComplaintCategory>().notNull(),
    unitCode: text('unit_code').notNull(),
    applicationTrackingCode: text('application_tracking_code'),
    /** SP4N-LAPOR!'s own number when forwarded from there. */
    laporReference: text('lapor_reference'),
    description: text('description').notNull(),
    /** Whom a whistle-blowing report is about (an officer account when known, else as written). */
    subjectOfficerId: uuid('subject_officer_id'),
    subjectName: text('subject_name'),
    anonymous: boolean('anonymous').notNull().default(false),
    reporterName: text('reporter_name'),
    reporterEmail: text('reporter_email'),
    reporterPhone: text('reporter_phone'),
    reporterAccountId: uuid('reporter_account_id'),
    status: text('status').$type<ComplaintStatus>().notNull().default('received'),
    /** Verification is due within 3 working days of receipt, on the unit's calendar. */
    verifyDueOn: date('verify_due_on').notNull(),
    /** The answer's deadline, set at verification. */
    answerDueOn: date('answer_due_on'),
    assignedTo: uuid('assigned_to'),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    satisfaction: integer('satisfaction'),
    requestId: text('request_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('complaints_tracking_code_key').on(t.trackingCode),
    uniqueIndex('complaints_request_key').on(t.requestId),
    index('complaints_unit_idx').on(t.unitCode, t.status, t.verifyDueOn),
  ],
);
export type Complaint = typeof complaints.$inferSelect;

/** Append-only history: who did what, when and why; `public` entries (replies) are shown to the complainant. */
export const complaintActions = pgTable(
  'complaint_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    public: boolean('public').notNull().default(false),
    /** Client-supplied request id: a resent form finds its action already there and changes nothing. */
    requestId: text('request_id'),
  },
  (t) => [
    index('complaint_actions_complaint_idx').on(t.complaintId, t.id),
    uniqueIndex('complaint_actions_request_key')
      .on(t.complaintId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);

export const complaintAttachments = pgTable(
  'complaint_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').notNull(),
    storageKey: text('storage_key').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('complaint_attachments_complaint_idx').on(t.complaintId)],
);
