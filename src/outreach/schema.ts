import { sql } from 'drizzle-orm';
import {
  bigserial,
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

export const organiserKinds = ['village', 'school', 'company', 'church', 'local_government', 'other'] as const;
export type OrganiserKind = (typeof organiserKinds)[number];
export const sessionStatuses = ['requested', 'approved', 'refused', 'held', 'closed'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/**
 * An Eazy Paspor session: a community's request, then the office's decision, date and capacity. `status` caches the
 * newest status-setting action in `outreach_actions`.
 */
export const outreachSessions = pgTable(
  'outreach_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingCode: text('tracking_code').notNull(),
    /** The code participants give in their application; set when the session is approved. */
    sessionCode: text('session_code'),
    unitCode: text('unit_code').notNull(),
    status: text('status').$type<SessionStatus>().notNull().default('requested'),
    organiserKind: text('organiser_kind').$type<OrganiserKind>().notNull(),
    organiserName: text('organiser_name').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email'),
    venue: text('venue').notNull(),
    villageCode: text('village_code').notNull(),
    preferredDates: jsonb('preferred_dates').$type<string[]>().notNull(),
    expectedParticipants: integer('expected_participants').notNull(),
    date: date('date'),
    capacity: integer('capacity'),
    deliveryDate: date('delivery_date'),
    refusalReason: text('refusal_reason'),
    /** Client-generated id of the request form: a resent request finds its session. */
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outreach_sessions_tracking_code_key').on(t.trackingCode),
    uniqueIndex('outreach_sessions_session_code_key').on(t.sessionCode),
    uniqueIndex('outreach_sessions_request_key').on(t.requestId),
    index('outreach_sessions_unit_idx').on(t.unitCode, t.status, t.date),
  ],
);
export type OutreachSession = typeof outreachSessions.$inferSelect;

/** The participant list a community sends (typed in or from CSV), and who registered on site. */
export const sessionParticipants = pgTable(
  'session_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    fullName: text('full_name').notNull(),
    nik: text('nik').notNull(),
    birthDate: date('birth_date'),
    phone: text('phone'),
    applicationId: uuid('application_id'),
    source: text('source').$type<'list' | 'csv' | 'online' | 'onsite'>().notNull(),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('session_participants_nik_key').on(t.sessionId, t.nik),
    uniqueIndex('session_participants_request_key')
      .on(t.sessionId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);

/** Append-only history of sessions: who did what, when and why. `subjectId` is the session. */
export const outreachActions = pgTable(
  'outreach_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subjectId: uuid('subject_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('outreach_actions_subject_idx').on(t.subjectId, t.id),
    uniqueIndex('outreach_actions_request_key')
      .on(t.subjectId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
