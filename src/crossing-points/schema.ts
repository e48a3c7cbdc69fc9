import { boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OpeningHours } from '../units/schema.ts';

/** A land post built as a Pos Lintas Batas Negara, a traditional crossing, a seaport or an airport (TPI). */
export const crossingPointKinds = ['plbn', 'traditional', 'sea', 'air'] as const;
export type CrossingPointKind = (typeof crossingPointKinds)[number];

/** The travel documents a point inspects: a passport, or the Pas Lintas Batas of border residents. */
export const crossingDocuments = ['passport', 'plb'] as const;
export type CrossingDocument = (typeof crossingDocuments)[number];

/**
 * A place where people cross Indonesia's border and the immigration officers of `unitCode` inspect them. Seeded from
 * the public sources each row's `source` names; what no source gives (a counterpart, service hours) stays empty.
 */
export const crossingPoints = pgTable(
  'crossing_points',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').$type<CrossingPointKind>().notNull(),
    /** The unit whose officers work the point (`units.code`). */
    unitCode: text('unit_code').notNull(),
    /** The post or place across the border; none for an airport or seaport. */
    counterpart: text('counterpart'),
    /** Service hours in WITA per weekday; null where no source gives them. */
    serviceHours: jsonb('service_hours').$type<OpeningHours>(),
    documents: jsonb('documents').$type<CrossingDocument[]>().notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('crossing_points_unit_idx').on(t.unitCode)],
);
export type CrossingPointRow = typeof crossingPoints.$inferSelect;

/**
 * Whether the counterpart accepts the Pas Lintas Batas, as a dated history: each switch says from which WITA day it
 * holds, who made it and why. Append-only: the newest switch in force on a day decides, and an earlier one is never
 * edited, so a crossing's verdict can be explained later. A switch by the seed has no officer.
 */
export const plbSwitches = pgTable(
  'crossing_point_plb_switches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pointCode: text('point_code')
      .notNull()
      .references(() => crossingPoints.code),
    accepts: boolean('accepts').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    reason: text('reason').notNull(),
    switchedBy: uuid('switched_by'),
    switchedAt: timestamp('switched_at', { withTimezone: true }).notNull().defaultNow(),
    /** The client's id of the form: a resent switch finds it made. */
    requestId: text('request_id'),
  },
  (t) => [
    uniqueIndex('crossing_point_plb_switches_request_key').on(t.pointCode, t.requestId),
    index('crossing_point_plb_switches_point_idx').on(t.pointCode, t.effectiveFrom),
  ],
);
export type PlbSwitch = typeof plbSwitches.$inferSelect;
