import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Mobile biometric kits (laptop, camera, fingerprint scanner, printer) that go out with officers. */
export const mobileKits = pgTable('mobile_kits', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitCode: text('unit_code').notNull(),
  name: text('name').notNull(),
  serial: text('serial'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type MobileKit = typeof mobileKits.$inferSelect;

export const dutyKinds = ['counter', 'session', 'visit', 'village'] as const;
export type DutyKind = (typeof dutyKinds)[number];

/**
 * Who and what is where on a day: counter duty, an Eazy Paspor session, a si Koe Peduli visit or an activity in a
 * Desa Binaan. An officer or a kit has at most one duty a day, held by the unique indexes, so two assignments racing
 * for the same person or kit cannot both succeed. `refId` is the session, visit or village activity.
 */
export const duties = pgTable(
  'duties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date').notNull(),
    unitCode: text('unit_code').notNull(),
    kind: text('kind').$type<DutyKind>().notNull(),
    refId: uuid('ref_id'),
    officerId: uuid('officer_id'),
    kitId: uuid('kit_id'),
    assignedBy: uuid('assigned_by'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('duties_officer_day_key')
      .on(t.officerId, t.date)
      .where(sql`officer_id is not null`),
    uniqueIndex('duties_kit_day_key')
      .on(t.kitId, t.date)
      .where(sql`kit_id is not null`),
    index('duties_unit_day_idx').on(t.unitCode, t.date),
    index('duties_ref_idx').on(t.refId),
  ],
);
export type Duty = typeof duties.$inferSelect;
