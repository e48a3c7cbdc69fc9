import { sql } from 'drizzle-orm';
import {
  bigint,
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
 * The overstay charge (biaya beban) and its limits as dated, editable data (shared/domain-oversight.md §1.8): the
 * daily rate (PP 28/2019 from 3 May 2019, before it PP 45/2016's Rp300.000), the length of stay from which the law
 * asks for deportation instead of a charge (UU 6/2011 Pasal 78: 60 days), and how many days after leaving an unpaid
 * charge waits before the head of office is asked for administrative action (Sikoe's setting, see the seed).
 */
export const overstayRates = pgTable('overstay_rates', {
  id: text('id').primaryKey(),
  validFrom: date('valid_from').notNull(),
  /** Last day the row applies, inclusive; null while in force. */
  validUntil: date('valid_until'),
  dailyRate: integer('daily_rate').notNull(),
  chargeLimitDays: integer('charge_limit_days').notNull(),
  unpaidDays: integer('unpaid_days').notNull(),
  source: text('source').notNull(),
});
export type OverstayRate = typeof overstayRates.$inferSelect;

/**
 * open: owed, a billing code out (or, from the limit on, none); paid: the period's days are paid (a holder still here
 * owes the next period's); proposed: administrative action proposed to the head of office; cancelled: a departure
 * recorded later showed the person left in time, or the permit was extended or changed so that its days were never over.
 */
export const overstayStatuses = ['open', 'paid', 'proposed', 'cancelled'] as const;
export type OverstayStatus = (typeof overstayStatuses)[number];

/**
 * One period of an overstay, found by the daily scan: from the day after the permit's last day (or after the days a
 * paid charge covered) through today, or through the departure day once one is recorded (both days count, §1.8). A
 * holder who pays and still does not leave owes the days after the paid ones as the permit's next period, so a permit
 * has one period per charge; the limit of days is judged on the whole overstay (`started_on` on), never one period.
 */
export const overstays = pgTable(
  'overstays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    permitId: uuid('permit_id').notNull(),
    foreignerId: uuid('foreigner_id').notNull(),
    unitCode: text('unit_code').notNull(),
    /** The permit holder's entry: a departure recorded from before it belongs to an earlier stay. */
    entryDate: date('entry_date').notNull(),
    /**
     * The overstay's first day over (the day after the permit's last), shared by its periods: the rate and the limit
     * are judged from it, so splitting the payment changes neither the price nor when action is proposed.
     */
    startedOn: date('started_on').notNull(),
    /** The first day this period charges: the overstay's first day, or the day after a paid period's last. */
    firstDay: date('first_day').notNull(),
    /** The last day counted: today while the person stays, the departure day once they left. */
    lastDay: date('last_day').notNull(),
    /** This period's days, charged at `daily_rate`. */
    days: integer('days').notNull(),
    /** The rate in force on the overstay's first day over. */
    dailyRate: integer('daily_rate').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    status: text('status').$type<OverstayStatus>().notNull().default('open'),
    departedOn: date('departed_on'),
    billingCode: text('billing_code'),
    billedAmount: bigint('billed_amount', { mode: 'number' }),
    billingExpiresAt: timestamp('billing_expires_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('overstays_period_key').on(t.permitId, t.firstDay),
    index('overstays_foreigner_idx').on(t.foreignerId),
    index('overstays_unit_idx').on(t.unitCode, t.status),
  ],
);
export type Overstay = typeof overstays.$inferSelect;

export const proposalReasons = ['limit_reached', 'unpaid'] as const;
export type ProposalReason = (typeof proposalReasons)[number];
export const proposalStatuses = ['proposed', 'acknowledged'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * A proposal to the head of office for administrative action (deportation and an entry ban, UU 6/2011 Pasal 78);
 * the head acknowledges it here, the TAK case itself comes with the oversight issue.
 */
export const overstayProposals = pgTable(
  'overstay_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    overstayId: uuid('overstay_id')
      .notNull()
      .references(() => overstays.id),
    unitCode: text('unit_code').notNull(),
    reason: text('reason').$type<ProposalReason>().notNull(),
    status: text('status').$type<ProposalStatus>().notNull().default('proposed'),
    proposedOn: date('proposed_on').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [
    uniqueIndex('overstay_proposals_overstay_key').on(t.overstayId),
    index('overstay_proposals_unit_idx').on(t.unitCode, t.status),
  ],
);
export type OverstayProposal = typeof overstayProposals.$inferSelect;

export const overstayProposalActions = pgTable(
  'overstay_proposal_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    proposalId: uuid('proposal_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** Client-supplied request id: a resent form finds its action already there and changes nothing. */
    requestId: text('request_id'),
  },
  (t) => [
    index('overstay_proposal_actions_proposal_idx').on(t.proposalId, t.id),
    uniqueIndex('overstay_proposal_actions_request_key')
      .on(t.proposalId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
