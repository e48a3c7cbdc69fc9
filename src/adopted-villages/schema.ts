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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Why a village was chosen (domain-oversight.md §6: border villages, PMI pockets, poor access to information). */
export const selectionReasons = ['border_village', 'many_migrant_workers', 'poor_information_access', 'other'] as const;
export type SelectionReason = (typeof selectionReasons)[number];

/**
 * A Desa Binaan Imigrasi: a village of the region tables (Kemendagri code), adopted by one office with a decree (SK)
 * handed to the village. The decree number is null where the sources do not publish it. `endedOn` closes an
 * adoption without deleting its history.
 */
export const adoptedVillages = pgTable(
  'adopted_villages',
  {
    villageCode: text('village_code').primaryKey(),
    unitCode: text('unit_code').notNull(),
    /** The village's regency, copied from its code for the public pages and figures per regency. */
    regencyCode: text('regency_code').notNull(),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date'),
    reasons: jsonb('reasons').$type<SelectionReason[]>().notNull().default([]),
    reasonNote: text('reason_note').notNull().default(''),
    adoptedOn: date('adopted_on').notNull(),
    endedOn: date('ended_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('adopted_villages_unit_idx').on(t.unitCode), index('adopted_villages_regency_idx').on(t.regencyCode)],
);
export type AdoptedVillage = typeof adoptedVillages.$inferSelect;

/**
 * The resident officers (PIMPASA, Petugas Imigrasi Pembina Desa) of a village: an officer account with the work
 * phone the village may call, from a day until a day. The public page shows name and this phone, nothing else.
 */
export const villageOfficers = pgTable(
  'village_officers',
  {
    villageCode: text('village_code')
      .notNull()
      .references(() => adoptedVillages.villageCode),
    officerId: uuid('officer_id').notNull(),
    phone: text('phone').notNull(),
    since: date('since').notNull(),
    until: date('until'),
  },
  (t) => [
    primaryKey({ columns: [t.villageCode, t.officerId, t.since] }),
    index('village_officers_officer_idx').on(t.officerId),
  ],
);

/** Outreach to villagers and officials, a Timpora meeting held in the village, a first-instance service visit. */
export const activityKinds = ['outreach', 'timpora_meeting', 'service_visit'] as const;
export type ActivityKind = (typeof activityKinds)[number];
/** planned (on the roster) → held (with people reached and topics), or cancelled. */
export const activityStatuses = ['planned', 'held', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const villageActivities = pgTable(
  'village_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    villageCode: text('village_code')
      .notNull()
      .references(() => adoptedVillages.villageCode),
    /** The office of the village when the activity was made, so figures per office stay true after a handover. */
    unitCode: text('unit_code').notNull(),
    kind: text('kind').$type<ActivityKind>().notNull(),
    status: text('status').$type<ActivityStatus>().notNull().default('planned'),
    heldOn: date('held_on').notNull(),
    topics: jsonb('topics').$type<string[]>().notNull().default([]),
    peopleReached: integer('people_reached'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('village_activities_village_idx').on(t.villageCode, t.heldOn),
    index('village_activities_unit_idx').on(t.unitCode, t.heldOn),
    uniqueIndex('village_activities_request_key')
      .on(t.createdBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type VillageActivity = typeof villageActivities.$inferSelect;

/** Append-only history of an activity: planned, held, cancelled. */
export const villageActivityActions = pgTable(
  'village_activity_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    activityId: uuid('activity_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('village_activity_actions_activity_idx').on(t.activityId, t.id),
    uniqueIndex('village_activity_actions_request_key')
      .on(t.activityId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
