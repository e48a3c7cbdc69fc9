import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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
import type { EntryBasis, PermitType } from '../stay-permits/schema.ts';

/** The services a Kantor Imigrasi gives on a stay permit (shared/domain-oversight.md §1.2–§1.5). */
export const permitServices = [
  'itk_extension',
  'itas_extension',
  'itk_to_itas',
  'itas_to_itap',
  'itap_extension',
  'epo',
  'cancellation',
] as const;
export type PermitService = (typeof permitServices)[number];

/**
 * Who may have each service, by the rule in force on the day of filing, per permit type and entry basis (null: any
 * basis). `allowed` false keeps a refusal as data (alih status from VoA, visa-free or crew). The window counts
 * calendar days before the permit's last day: from `earliestDaysBefore` (null: any time) to `latestDaysBefore`.
 * `stepDays` is what one grant gives (an extension's length, the new permit's validity, EPO's days to leave).
 * A row with `inForce` false is a sourced alternative kept beside the chosen one (EPO's 5 vs 7 days).
 */
export const permitServiceRules = pgTable(
  'permit_service_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    service: text('service').$type<PermitService>().notNull(),
    permitType: text('permit_type').$type<PermitType>().notNull(),
    entryBasis: text('entry_basis').$type<EntryBasis>(),
    allowed: boolean('allowed').notNull().default(true),
    maxExtensions: integer('max_extensions'),
    stepDays: integer('step_days'),
    earliestDaysBefore: integer('earliest_days_before'),
    latestDaysBefore: integer('latest_days_before').notNull().default(0),
    /** The fee's tariff item (`permit_tariffs.item`); null: the service is free. */
    tariffItem: text('tariff_item'),
    biometrics: boolean('biometrics').notNull().default(true),
    /** Working days from payment (or filing, when free) to the decision, on the unit's calendar. */
    slaWorkingDays: integer('sla_working_days').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    inForce: boolean('in_force').notNull().default(true),
    regulation: text('regulation').notNull(),
    source: text('source').notNull(),
  },
  (t) => [index('permit_service_rules_lookup_idx').on(t.service, t.permitType, t.validFrom)],
);
export type PermitServiceRule = typeof permitServiceRules.$inferSelect;

/** PNBP for stay permits by item and validity: the row with the smallest `maxDays` covering the days granted. */
export const permitTariffs = pgTable(
  'permit_tariffs',
  {
    regulation: text('regulation').notNull(),
    item: text('item').notNull(),
    maxDays: integer('max_days').notNull(),
    amount: integer('amount').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regulation, t.item, t.maxDays] })],
);
export type PermitTariff = typeof permitTariffs.$inferSelect;

export const permitApplicationStatuses = [
  'billed',
  'paid',
  'scheduled',
  'verified',
  'approved',
  'refused',
  'withdrawn',
] as const;
export type PermitApplicationStatus = (typeof permitApplicationStatuses)[number];

/** One application for a service on one permit. `status` caches the newest action. */
export const permitApplications = pgTable(
  'permit_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    service: text('service').$type<PermitService>().notNull(),
    permitId: uuid('permit_id').notNull(),
    foreignerId: uuid('foreigner_id').notNull(),
    unitCode: text('unit_code').notNull(),
    applicantAccountId: uuid('applicant_account_id').notNull(),
    applicantRole: text('applicant_role').$type<'foreigner' | 'sponsor'>().notNull(),
    status: text('status').$type<PermitApplicationStatus>().notNull(),
    ruleId: uuid('rule_id').notNull(),
    filedOn: date('filed_on').notNull(),
    /** The permit's last day when filed: an alih status paid on or before it is not overstay. */
    permitUntil: date('permit_until').notNull(),
    /** What approval gives: the new last day (extension, new permit) or the day to leave by (EPO). */
    grantUntil: date('grant_until'),
    feeAmount: integer('fee_amount').notNull(),
    feeRegulation: text('fee_regulation'),
    billingCode: text('billing_code'),
    paidOn: date('paid_on'),
    dueOn: date('due_on'),
    /** The biometrics visit's day, kept with the visit (appointments' `stay_permit` channel holds the place). */
    biometricsOn: date('biometrics_on'),
    verifiedBy: uuid('verified_by'),
    decidedBy: uuid('decided_by'),
    reason: text('reason'),
    refusalReason: text('refusal_reason'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('permit_applications_request_key')
      .on(t.applicantAccountId, t.requestId)
      .where(sql`request_id is not null`),
    // One open application per permit: a second would race the first to change it.
    uniqueIndex('permit_applications_open_key')
      .on(t.permitId)
      .where(sql`status in ('billed', 'paid', 'scheduled', 'verified')`),
    index('permit_applications_unit_idx').on(t.unitCode, t.status, t.dueOn),
    index('permit_applications_applicant_idx').on(t.applicantAccountId),
  ],
);
export type PermitApplication = typeof permitApplications.$inferSelect;

/** Append-only history of an application: who did what, when and why. */
export const permitApplicationActions = pgTable(
  'permit_application_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('permit_application_actions_application_idx').on(t.applicationId, t.id),
    uniqueIndex('permit_application_actions_request_key')
      .on(t.applicationId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
