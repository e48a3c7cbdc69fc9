import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Weekday } from '../platform/calendar/wita.ts';

export const unitKinds = ['kanwil', 'kanim', 'pos', 'plbn', 'rudenim'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitStates = ['active', 'under_revitalisation', 'normalised'] as const;
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
