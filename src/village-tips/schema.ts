import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A question; a suspected recruiter (calo, sponsor); a planned non-procedural departure; a suspicious foreigner. */
export const tipKinds = ['question', 'recruiter', 'departure', 'foreigner', 'other'] as const;
export type TipKind = (typeof tipKinds)[number];
/** The web form on a phone, or a villager telling the village's officer (PIMPASA), who types it in. */
export const tipChannels = ['web', 'village_officer'] as const;
export type TipChannel = (typeof tipChannels)[number];
/** received → triaged (by the office's intelligence officers) → closed with an outcome. */
export const tipStatuses = ['received', 'triaged', 'closed'] as const;
export type TipStatus = (typeof tipStatuses)[number];
export const tipOutcomes = [
  'answered',
  'warning_raised',
  'handed_to_timpora',
  'handed_to_police',
  'departure_prevented',
  'unfounded',
  'duplicate',
] as const;
export type TipOutcome = (typeof tipOutcomes)[number];

/**
 * A question or a tip from a village, a ticket for the intelligence officers of the village's office (or of the
 * office chosen when the village is not adopted). It holds nothing about who sent it: that is in `tip_reporters`,
 * read only through the one use case the policy opens to those officers. The secret (its hash) is the sender's key
 * to follow it and read the answer.
 */
export const villageTips = pgTable(
  'village_tips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingCode: text('tracking_code').notNull(),
    secretHash: text('secret_hash').notNull(),
    unitCode: text('unit_code').notNull(),
    /** The village it is about or comes from (region tables' code), when given. */
    villageCode: text('village_code'),
    kind: text('kind').$type<TipKind>().notNull(),
    channel: text('channel').$type<TipChannel>().notNull(),
    description: text('description').notNull(),
    /** Whom it is about, as written: a recruiter's name or the person planning to leave. */
    subjectName: text('subject_name'),
    status: text('status').$type<TipStatus>().notNull().default('received'),
    outcome: text('outcome').$type<TipOutcome>(),
    /** Triage is due within 2 working days of receipt and closing within 14, on the office's calendar. */
    triageDueOn: date('triage_due_on').notNull(),
    closeDueOn: date('close_due_on').notNull(),
    assignedTo: uuid('assigned_to'),
    requestId: text('request_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('village_tips_tracking_code_key').on(t.trackingCode),
    uniqueIndex('village_tips_request_key').on(t.requestId),
    index('village_tips_unit_idx').on(t.unitCode, t.status, t.triageDueOn),
    index('village_tips_village_idx').on(t.villageCode),
  ],
);
export type VillageTip = typeof villageTips.$inferSelect;

/**
 * Who sent a tip, when they chose to say: kept apart from the tip so that no list, export, warning or figure can
 * carry it by accident. `recordedBy` is the village officer who typed it in for a villager.
 */
export const tipReporters = pgTable('tip_reporters', {
  tipId: uuid('tip_id')
    .primaryKey()
    .references(() => villageTips.id),
  anonymous: boolean('anonymous').notNull(),
  name: text('name'),
  phone: text('phone'),
  email: text('email'),
  accountId: uuid('account_id'),
  recordedBy: uuid('recorded_by'),
});

/** Append-only history; `public` entries (the answer) are shown to the sender. */
export const villageTipActions = pgTable(
  'village_tip_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tipId: uuid('tip_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    public: boolean('public').notNull().default(false),
    requestId: text('request_id'),
  },
  (t) => [
    index('village_tip_actions_tip_idx').on(t.tipId, t.id),
    uniqueIndex('village_tip_actions_request_key')
      .on(t.tipId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);

/** Whom a warning concerns: a person (NIK, or name and birth date), a village, or a recruiter working an area. */
export const warningKinds = ['person', 'village', 'recruiter'] as const;
export type WarningKind = (typeof warningKinds)[number];
export const warningStatuses = ['open', 'closed'] as const;
export type WarningStatus = (typeof warningStatuses)[number];

/**
 * An early warning raised by the intelligence officers, from a tip or from their own knowledge. `summary` is what the
 * interviewing officer reads, written for them: it never names the tipster, and the tip it came from is not shown
 * at the counter. A recruiter's area is a village or a regency code; a village warning names its village.
 */
export const villageWarnings = pgTable(
  'village_warnings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    kind: text('kind').$type<WarningKind>().notNull(),
    status: text('status').$type<WarningStatus>().notNull().default('open'),
    summary: text('summary').notNull(),
    tipId: uuid('tip_id').references(() => villageTips.id),
    nik: text('nik'),
    personName: text('person_name'),
    /** The name as watchlist's `nameKey` folds it (accents, case, punctuation), so spellings of one name meet. */
    personNameKey: text('person_name_key'),
    birthDate: date('birth_date'),
    recruiterName: text('recruiter_name'),
    /** Folded as `personNameKey`. */
    recruiterNameKey: text('recruiter_name_key'),
    /** A village code ("53.14.01.2005") or a regency code ("53.14"): where the warning applies. */
    areaCode: text('area_code'),
    raisedBy: uuid('raised_by'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    expiresOn: date('expires_on'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    requestId: text('request_id'),
  },
  (t) => [
    index('village_warnings_nik_idx')
      .on(t.nik)
      .where(sql`status = 'open'`),
    index('village_warnings_area_idx')
      .on(t.areaCode)
      .where(sql`status = 'open'`),
    index('village_warnings_person_idx')
      .on(t.personNameKey, t.birthDate)
      .where(sql`status = 'open'`),
    uniqueIndex('village_warnings_request_key')
      .on(t.raisedBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type VillageWarning = typeof villageWarnings.$inferSelect;

/** Append-only history of a warning: raised, noted, closed. */
export const villageWarningActions = pgTable(
  'village_warning_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    warningId: uuid('warning_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('village_warning_actions_warning_idx').on(t.warningId, t.id),
    uniqueIndex('village_warning_actions_request_key')
      .on(t.warningId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
