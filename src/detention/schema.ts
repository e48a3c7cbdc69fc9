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

/**
 * Pasal 85 UU 6/2011 as dated data: the longest detention while deportation cannot be carried out (10 years), how
 * often a detention is reviewed and how long before the limit the head is warned (Sikoe's settings, see the seed).
 * The row in force on the placement day governs that detention.
 */
export const detentionRules = pgTable('detention_rules', {
  id: text('id').primaryKey(),
  validFrom: date('valid_from').notNull(),
  /** Last day the row applies, inclusive; null while in force. */
  validUntil: date('valid_until'),
  maxYears: integer('max_years').notNull(),
  reviewMonths: integer('review_months').notNull(),
  warnDays: integer('warn_days').notNull(),
  source: text('source').notNull(),
});
export type DetentionRule = typeof detentionRules.$inferSelect;

/** Pasal 83(1) a–e. */
export const placementReasons = [
  'no_stay_permit',
  'no_travel_document',
  'permit_cancelled',
  'awaiting_deportation',
  'refused_entry',
] as const;
export type PlacementReason = (typeof placementReasons)[number];
export const blocks = ['family', 'single'] as const;
export type Block = (typeof blocks)[number];
export const detaineeStatuses = ['detained', 'on_leave', 'released'] as const;
export type DetaineeStatus = (typeof detaineeStatuses)[number];
/** `conditional`: released to live outside under conditions once Pasal 85's limit is reached. */
export const releaseReasons = ['deported', 'conditional', 'transferred', 'other'] as const;
export type ReleaseReason = (typeof releaseReasons)[number];

/**
 * A person held at a detention unit (`unit_code`, the Rudenim giving the bed) on a written placement decision
 * (Pasal 84: the person, the reason, the place). `authority_unit_code` is the unit that decides on the detention: the
 * Rudenim itself, or the Kantor Imigrasi that placed the person there "titipan".
 */
export const detainees = pgTable(
  'detainees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    foreignerId: uuid('foreigner_id').notNull(),
    unitCode: text('unit_code').notNull(),
    authorityUnitCode: text('authority_unit_code').notNull(),
    status: text('status').$type<DetaineeStatus>().notNull().default('detained'),
    reason: text('reason').$type<PlacementReason>().notNull(),
    place: text('place').notNull(),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date').notNull(),
    signedBy: text('signed_by').notNull(),
    /** The administrative action case this placement serves, if any (enforcement's id, not a foreign key). */
    caseRef: text('case_ref'),
    placedOn: date('placed_on').notNull(),
    /**
     * The first placement day when this one continues a detention ended by transfer (the person came from another
     * place still detained): Pasal 85's count, the reviews and the alerts run from it, not from `placed_on`.
     */
    firstPlacedOn: date('first_placed_on'),
    /** The detention this one continues after a transfer. */
    transferredFromId: uuid('transferred_from_id'),
    handedByAgency: text('handed_by_agency').notNull(),
    handedByOfficer: text('handed_by_officer').notNull(),
    handedOn: date('handed_on').notNull(),
    block: text('block').$type<Block>().notNull(),
    room: text('room'),
    lastReviewedOn: date('last_reviewed_on'),
    releasedOn: date('released_on'),
    releaseReason: text('release_reason').$type<ReleaseReason>(),
    /** The deportation's case, the unit transferred to, or the conditions, by the release reason. */
    releaseRef: text('release_ref'),
    requestId: text('request_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('detainees_foreigner_idx').on(t.foreignerId),
    index('detainees_unit_idx').on(t.unitCode, t.status),
    index('detainees_authority_idx').on(t.authorityUnitCode, t.status),
    // One current detention per person; a resent placement finds the first.
    uniqueIndex('detainees_current_key')
      .on(t.foreignerId)
      .where(sql`status <> 'released'`),
    // A client's request id is its own: another officer's equal id never answers with this placement.
    uniqueIndex('detainees_request_key')
      .on(t.createdBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type Detainee = typeof detainees.$inferSelect;

export const detaineeActions = pgTable(
  'detainee_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    detaineeId: uuid('detainee_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('detainee_actions_detainee_idx').on(t.detaineeId, t.id),
    uniqueIndex('detainee_actions_request_key')
      .on(t.detaineeId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);

/** The property deposit (penitipan barang): items in and out, append-only; the balance is what is still held. */
export const detaineeProperty = pgTable(
  'detainee_property',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    detaineeId: uuid('detainee_id').notNull(),
    direction: text('direction').$type<'in' | 'out'>().notNull(),
    item: text('item').notNull(),
    quantity: integer('quantity').notNull(),
    on: date('on').notNull(),
    requestId: text('request_id'),
  },
  (t) => [index('detainee_property_detainee_idx').on(t.detaineeId, t.id)],
);
export type PropertyEntry = typeof detaineeProperty.$inferSelect;

/** Health checks, kept apart from the history and the audit (which name only that a check was made). */
export const detaineeHealthChecks = pgTable(
  'detainee_health_checks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    detaineeId: uuid('detainee_id').notNull(),
    checkedOn: date('checked_on').notNull(),
    examiner: text('examiner').notNull(),
    findings: text('findings').notNull(),
  },
  (t) => [index('detainee_health_checks_detainee_idx').on(t.detaineeId, t.id)],
);
export type HealthCheck = typeof detaineeHealthChecks.$inferSelect;

export const refugeeUnhcrStatuses = ['asylum_seeker', 'refugee'] as const;
export type UnhcrStatus = (typeof refugeeUnhcrStatuses)[number];
export const refugeeStatuses = [
  'under_oversight',
  'resettled',
  'voluntary_return',
  'detained',
  'deceased',
  'absconded',
] as const;
export type RefugeeStatus = (typeof refugeeStatuses)[number];

/** A refugee or asylum seeker under the Rudenim's immigration oversight (Perpres 125/2016), with the Rudenim's card. */
export const refugees = pgTable(
  'refugees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    foreignerId: uuid('foreigner_id').notNull(),
    unitCode: text('unit_code').notNull(),
    unhcrStatus: text('unhcr_status').$type<UnhcrStatus>().notNull(),
    unhcrNumber: text('unhcr_number').notNull(),
    shelter: text('shelter').notNull(),
    cardNumber: text('card_number').notNull(),
    status: text('status').$type<RefugeeStatus>().notNull().default('under_oversight'),
    /** The first month the refugee owes a self-report (YYYY-MM). */
    firstMonth: text('first_month').notNull(),
    endedOn: date('ended_on'),
    requestId: text('request_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('refugees_foreigner_idx').on(t.foreignerId),
    index('refugees_unit_idx').on(t.unitCode, t.status),
    uniqueIndex('refugees_card_key').on(t.unitCode, t.cardNumber),
    // One current oversight per person.
    uniqueIndex('refugees_current_key')
      .on(t.foreignerId)
      .where(sql`status = 'under_oversight'`),
    uniqueIndex('refugees_request_key')
      .on(t.createdBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type Refugee = typeof refugees.$inferSelect;

export const refugeeActions = pgTable(
  'refugee_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    refugeeId: uuid('refugee_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('refugee_actions_refugee_idx').on(t.refugeeId, t.id),
    uniqueIndex('refugee_actions_request_key')
      .on(t.refugeeId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);

/** The monthly self-report (Perpres 125/2016 Pasal 36): one stamp per refugee and month. */
export const refugeeReports = pgTable(
  'refugee_reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    refugeeId: uuid('refugee_id').notNull(),
    month: text('month').notNull(),
    reportedOn: date('reported_on').notNull(),
    stampedBy: uuid('stamped_by'),
  },
  (t) => [uniqueIndex('refugee_reports_month_key').on(t.refugeeId, t.month)],
);
export type RefugeeReport = typeof refugeeReports.$inferSelect;

export const alertKinds = ['review_due', 'limit_near', 'missed_reports'] as const;
export type AlertKind = (typeof alertKinds)[number];

/**
 * What the daily scan raised: a detainee due for review or nearing the limit, a refugee who missed three months in a
 * row. `key` tells one occasion from the next (the review's due day, the streak's first month), so each is raised once.
 */
export const detentionAlerts = pgTable(
  'detention_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitCode: text('unit_code').notNull(),
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind').$type<AlertKind>().notNull(),
    key: text('key').notNull(),
    raisedOn: date('raised_on').notNull(),
  },
  (t) => [
    uniqueIndex('detention_alerts_key').on(t.subjectId, t.kind, t.key),
    index('detention_alerts_unit_idx').on(t.unitCode, t.raisedOn),
  ],
);
export type DetentionAlert = typeof detentionAlerts.$inferSelect;
