import { sql } from 'drizzle-orm';
import { bigserial, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const homeVisitReasons = ['elderly', 'disabled', 'sick', 'hospital'] as const;
export type HomeVisitReason = (typeof homeVisitReasons)[number];
export const homeVisitStatuses = ['requested', 'accepted', 'refused', 'scheduled', 'visited', 'cancelled'] as const;
export type HomeVisitStatus = (typeof homeVisitStatuses)[number];

/** A si Koe Peduli request: officers go to someone who cannot come. `status` caches the newest action. */
export const homeVisits = pgTable(
  'home_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingCode: text('tracking_code').notNull(),
    unitCode: text('unit_code').notNull(),
    status: text('status').$type<HomeVisitStatus>().notNull().default('requested'),
    requesterAccountId: uuid('requester_account_id').notNull(),
    requesterRelation: text('requester_relation').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantNik: text('applicant_nik').notNull(),
    applicantBirthDate: date('applicant_birth_date').notNull(),
    reason: text('reason').$type<HomeVisitReason>().notNull(),
    reasonDetails: text('reason_details'),
    evidenceKey: text('evidence_key'),
    placeKind: text('place_kind').$type<'home' | 'hospital'>().notNull(),
    address: text('address').notNull(),
    villageCode: text('village_code').notNull(),
    preferredDates: jsonb('preferred_dates').$type<string[]>().notNull(),
    /** The first answer is due within 2 working days of the request, on the unit's calendar. */
    answerDueOn: date('answer_due_on').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    visitDate: date('visit_date'),
    applicationId: uuid('application_id'),
    refusalReason: text('refusal_reason'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('home_visits_tracking_code_key').on(t.trackingCode),
    uniqueIndex('home_visits_request_key')
      .on(t.requesterAccountId, t.requestId)
      .where(sql`request_id is not null`),
    index('home_visits_unit_idx').on(t.unitCode, t.status, t.answerDueOn),
  ],
);
export type HomeVisit = typeof homeVisits.$inferSelect;

/** Append-only history of a visit: who did what, when and why. */
export const homeVisitActions = pgTable(
  'home_visit_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    visitId: uuid('visit_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** Client-supplied request id: a resent form finds its action already there and changes nothing. */
    requestId: text('request_id'),
  },
  (t) => [
    index('home_visit_actions_visit_idx').on(t.visitId, t.id),
    uniqueIndex('home_visit_actions_request_key')
      .on(t.visitId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
