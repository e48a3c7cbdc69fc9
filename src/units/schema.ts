import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Weekday } from '../platform/calendar/wita.ts';

export const unitKinds = ['kanwil', 'kanim', 'pos', 'plbn', 'rudenim'] as const;
export type UnitKind = (typeof unitKinds)[number];

/**
 * A unit's state (Pos Imigrasi: planned, opened, revitalised, normalised, closed). It changes only through the state
 * workflow (workflow.ts), which keeps its history in unit_state_changes.
 */
export const unitStates = ['planned', 'active', 'under_revitalisation', 'normalised', 'closed'] as const;
export type UnitState = (typeof unitStates)[number];

export const unitServices = [
  'passport',
  'eazy_paspor',
  'koe_tos',
  'koe_peduli',
  'stay_permit',
  'lodging_report',
  'border_pass',
  'border_crossing',
  'detention',
  'complaints',
] as const;
export type UnitService = (typeof unitServices)[number];

// Opening hours are kept by the calendar's weekdays.
export { weekdays, type Weekday } from '../platform/calendar/wita.ts';
/** Opening hours in WITA, per weekday: a list of [open, close] as "HH:MM"; an empty list means closed. */
export type OpeningHours = Record<Weekday, [string, string][]>;

export const units = pgTable('units', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<UnitKind>().notNull(),
  parentCode: text('parent_code'),
  regencyCode: text('regency_code').notNull(),
  address: text('address').notNull(),
  phone: text('phone'),
  email: text('email'),
  /** A link to the office on a map (OpenStreetMap, Google Maps…), kept by admins; shown on pages, receipts and mails. */
  mapUrl: text('map_url'),
  /** The office's counters (loket) by name, as the queue calls them: officers pick theirs from this list. */
  counters: jsonb('counters').$type<string[]>().notNull().default(['Loket 1', 'Loket 2', 'Loket 3']),
  state: text('state').$type<UnitState>().notNull().default('active'),
  /** The day the state took effect; null for states kept from before their history was recorded. */
  stateSince: date('state_since', { mode: 'string' }),
  services: jsonb('services').$type<UnitService[]>().notNull(),
  openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type Unit = typeof units.$inferSelect;

/**
 * The regencies a Kantor Imigrasi oversees (wilayah kerja): where a lodging reports, whose office keeps a sponsor's
 * foreigners. Seeded from the organisation's posts and the Labuan Bajo office's four regencies; no complete public
 * list was found, so admins correct it as data.
 */
export const unitRegencies = pgTable(
  'unit_regencies',
  {
    unitCode: text('unit_code').notNull(),
    regencyCode: text('regency_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regencyCode] }), index('unit_regencies_unit_idx').on(t.unitCode)],
);

/** Every change of a unit's state, append-only: the step, the state it left and entered, its effective day and note. */
export const unitStateChanges = pgTable(
  'unit_state_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('unit_state_changes_unit_idx').on(t.unitCode, t.id),
    uniqueIndex('unit_state_changes_request_key')
      .on(t.unitCode, t.requestId)
      .where(sql`request_id is not null`),
  ],
);

export const milestoneStatuses = ['planned', 'done', 'dropped'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

/**
 * A milestone of a unit's roadmap (roadmap kewilayahan 2024–2028): due on a day or within a quarter ("2026-Q3"),
 * planned until it is done or dropped, each on its day.
 */
export const roadmapMilestones = pgTable(
  'roadmap_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    title: text('title').notNull(),
    targetDate: date('target_date', { mode: 'string' }),
    targetQuarter: text('target_quarter'),
    status: text('status').$type<MilestoneStatus>().notNull().default('planned'),
    doneOn: date('done_on', { mode: 'string' }),
    droppedOn: date('dropped_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('roadmap_milestones_unit_idx').on(t.unitCode)],
);
export type RoadmapMilestone = typeof roadmapMilestones.$inferSelect;

export const roadmapMilestoneActions = pgTable(
  'roadmap_milestone_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => roadmapMilestones.id),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('roadmap_milestone_actions_milestone_idx').on(t.milestoneId, t.id),
    uniqueIndex('roadmap_milestone_actions_request_key')
      .on(t.milestoneId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
