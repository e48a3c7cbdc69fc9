import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PassportType } from '../applications/schema.ts';

export const passportStatuses = ['printed', 'ready', 'handed_over', 'void', 'cancelled'] as const;
export type PassportStatus = (typeof passportStatuses)[number];

/** A printed passport: its book, its holder's data as printed and its MRZ. */
export const passports = pgTable(
  'passports',
  {
    number: text('number').primaryKey(),
    applicationId: uuid('application_id').notNull(),
    type: text('type').$type<PassportType>().notNull(),
    unitCode: text('unit_code').notNull(),
    holderName: text('holder_name').notNull(),
    nik: text('nik').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').$type<'F' | 'M'>().notNull(),
    issueDate: date('issue_date').notNull(),
    expiryDate: date('expiry_date').notNull(),
    mrz1: text('mrz1').notNull(),
    mrz2: text('mrz2').notNull(),
    status: text('status').$type<PassportStatus>().notNull().default('printed'),
    printedAt: timestamp('printed_at', { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
  },
  (t) => [
    // One live passport per application: a spoiled print is cancelled before the next one is made.
    uniqueIndex('passports_live_application_key')
      .on(t.applicationId)
      .where(sql`status <> 'cancelled'`),
    index('passports_issued_idx').on(t.issueDate, t.unitCode, t.type),
  ],
);
export type Passport = typeof passports.$inferSelect;

/**
 * Number series per unit and type. The format is not official (see domain.md): a prefix and a zero-padded counter,
 * both set per unit, so that offices never collide.
 */
export const passportSeries = pgTable(
  'passport_series',
  {
    unitCode: text('unit_code').notNull(),
    type: text('type').$type<PassportType>().notNull(),
    prefix: text('prefix').notNull(),
    digits: integer('digits').notNull().default(7),
    next: integer('next').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.type] })],
);

/**
 * Blank passport books in stock per unit and type: printing takes one, the ledger's entries move it. No stock, no
 * dates offered for that type (appointments read it by name in the booking statement, `appointments/capacity.ts`).
 */
export const bookStock = pgTable(
  'book_stock',
  {
    unitCode: text('unit_code').notNull(),
    passportType: text('passport_type').$type<'biasa' | 'elektronik'>().notNull(),
    quantity: integer('quantity').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.passportType] }), check('book_stock_quantity', sql`${t.quantity} >= 0`)],
);

export const bookMovementKinds = ['received', 'issued', 'spoiled', 'counted'] as const;
export type BookMovementKind = (typeof bookMovementKinds)[number];

/**
 * The blank-book ledger beside `book_stock`'s running quantity: deliveries received, books issued into a passport,
 * books spoiled in printing, and counts (a count sets the quantity; `quantity` is then the counted number).
 */
export const bookMovements = pgTable(
  'book_movements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitCode: text('unit_code').notNull(),
    type: text('type').$type<PassportType>().notNull(),
    kind: text('kind').$type<BookMovementKind>().notNull(),
    quantity: integer('quantity').notNull(),
    passportNumber: text('passport_number'),
    applicationId: uuid('application_id'),
    note: text('note'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('book_movements_unit_idx').on(t.unitCode, t.type, t.at)],
);

/** Old passports cancelled at a replacement, loss, damage or name change, with the charge that applied. */
export const cancelledPassports = pgTable('cancelled_passports', {
  number: text('number').primaryKey(),
  applicationId: uuid('application_id').notNull(),
  reason: text('reason').notNull(),
  charge: integer('charge').notNull().default(0),
  recordedBy: uuid('recorded_by'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** si Koe TOS: Saturday pickup capacity per unit; `booked` moves only by conditional updates. */
export const saturdayPickupSlots = pgTable(
  'saturday_pickup_slots',
  {
    unitCode: text('unit_code').notNull(),
    date: date('date').notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.date] }),
    check('saturday_pickup_slots_booked', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
  ],
);

export const saturdayPickups = pgTable(
  'saturday_pickups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    unitCode: text('unit_code').notNull(),
    date: date('date').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('saturday_pickups_live_key')
      .on(t.applicationId)
      .where(sql`cancelled_at is null`),
    index('saturday_pickups_day_idx').on(t.unitCode, t.date),
  ],
);

/**
 * Monthly issuance counts from before Sikoe (imported from the previous system, or the demo seed), so that the
 * statistics cover whole years. Months covered by `passports` rows are counted from those.
 */
export const issuanceHistory = pgTable(
  'issuance_history',
  {
    unitCode: text('unit_code').notNull(),
    month: date('month').notNull(),
    type: text('type').$type<PassportType>().notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.month, t.type] })],
);
