import { date, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';

export const holidayKinds = ['national', 'cuti_bersama', 'office_closure'] as const;
export type HolidayKind = (typeof holidayKinds)[number];

/** Days without service: national holidays and cuti bersama for every unit, office closures for one unit. */
export const holidays = pgTable(
  'holidays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<HolidayKind>().notNull(),
    /** Null: every unit. */
    unitCode: text('unit_code'),
  },
  (t) => [unique('holidays_date_kind_unit_key').on(t.date, t.kind, t.unitCode).nullsNotDistinct()],
);
