import { sql } from 'drizzle-orm';
import {
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

/** Online reguler, online percepatan (same day), priority walk-ins (lansia, disabled, balita), Eazy Paspor. */
export const passportChannels = ['online', 'percepatan', 'priority', 'eazy_paspor'] as const;
export type PassportChannel = (typeof passportChannels)[number];
/**
 * Every channel with a daily quota: the passport channels and foreigners' biometrics visits for stay-permit services
 * (`stay_permit`, booked by permit-services through `reserve-visit.ts`, never offered on the passport pages).
 */
export const channels = [...passportChannels, 'stay_permit'] as const;
export type Channel = (typeof channels)[number];

/** Weekly capacity set by the head of office: ISO weekday 1 (Monday) … 7 (Sunday). */
export const quotaTemplates = pgTable(
  'quota_templates',
  {
    unitCode: text('unit_code').notNull(),
    weekday: integer('weekday').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.weekday, t.channel] }),
    check('quota_templates_capacity', sql`${t.capacity} >= 0`),
  ],
);

export const quotaOverrides = pgTable(
  'quota_overrides',
  {
    unitCode: text('unit_code').notNull(),
    date: date('date').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.date, t.channel] }),
    check('quota_overrides_capacity', sql`${t.capacity} >= 0`),
  ],
);

/**
 * The counter every booking goes through: created from the template or override the first time a date is booked,
 * then `booked` only moves by conditional updates (`booked < capacity`), so no race can overbook.
 */
export const dayQuotas = pgTable(
  'day_quotas',
  {
    unitCode: text('unit_code').notNull(),
    date: date('date').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.date, t.channel] }), check('day_quotas_booked', sql`${t.booked} >= 0`)],
);

/**
 * `booked` and `paid` are live: they hold the person's place (one per NIK and per application, the unique indexes
 * below). An appointment ends `cancelled`, `expired` (unpaid when its code ran out) or `attended`: reception checked
 * the applicant in and issued a ticket, so the visit was used and the person may book again for a later application.
 * A paid appointment whose day passed without arrival stays live; a stay-permit visit ends with its application
 * (releaseVisit).
 */
export const appointmentStates = ['booked', 'paid', 'attended', 'cancelled', 'expired'] as const;
export type AppointmentState = (typeof appointmentStates)[number];
/** The states that hold a place; the partial unique indexes below and the booking statement name them too. */
export const liveStates = ['booked', 'paid'] as const satisfies readonly AppointmentState[];

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The passport application; for a `stay_permit` visit, the permit-services application. */
    applicationId: uuid('application_id').notNull(),
    unitCode: text('unit_code').notNull(),
    date: date('date').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    /**
     * Bound to the applicant: checked against the NIK and birth date at the counter, never transferable. A
     * stay-permit visit has none (foreigners): it is bound to its permit application, whose holder the desk checks.
     */
    nik: text('nik'),
    state: text('state').$type<AppointmentState>().notNull().default('booked'),
    reschedules: integer('reschedules').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    // One live appointment per person across all units, and per application.
    uniqueIndex('appointments_live_nik_key')
      .on(t.nik)
      .where(sql`state in ('booked', 'paid')`),
    uniqueIndex('appointments_live_application_key')
      .on(t.applicationId)
      .where(sql`state in ('booked', 'paid')`),
    index('appointments_unit_date_idx').on(t.unitCode, t.date),
    check('appointments_nik', sql`${t.channel} = 'stay_permit' or ${t.nik} is not null`),
  ],
);
export type Appointment = typeof appointments.$inferSelect;

/** People waiting for a full date; a freed place is held for the first in line for a while. */
export const waitlist = pgTable(
  'waitlist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    date: date('date').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    applicationId: uuid('application_id').notNull(),
    state: text('state')
      .$type<'waiting' | 'offered' | 'accepted' | 'lapsed' | 'withdrawn'>()
      .notNull()
      .default('waiting'),
    holdUntil: timestamp('hold_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('waitlist_queue_idx').on(t.unitCode, t.date, t.channel, t.createdAt),
    uniqueIndex('waitlist_live_application_key')
      .on(t.applicationId, t.date)
      .where(sql`state in ('waiting', 'offered')`),
  ],
);
