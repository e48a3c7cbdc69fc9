import { sql } from 'drizzle-orm';
import {
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
import type { FeeLine } from '../fees/schema.ts';
import type { applicationStatuses } from './application-statuses.ts';
import type { documentKinds } from './document-kinds.ts';

export const applicationKinds = ['first', 'replacement', 'lost', 'damaged', 'name_change'] as const;
export const passportTypes = ['biasa', 'elektronik'] as const;
export const speeds = ['reguler', 'percepatan'] as const;
export const maritalStatuses = ['single', 'married', 'divorced', 'widowed'] as const;
export const travelPurposes = [
  'tourism',
  'family',
  'study',
  'work',
  'pilgrimage',
  'medical',
  'business',
  'other',
] as const;

/** Where an application has ended (or has not yet begun): a person may hold one application per type outside these. */
export const closedApplicationStatuses = ['draft', 'cancelled', 'handed_over', 'rejected', 'void'] as const;
/** Past these the passport is made: the SOP's clock has stopped even if the case is still open for collection. */
export const clockStoppedStatuses = [...closedApplicationStatuses, 'printed', 'ready'] as const;
/** The statuses as SQL literals, so that a query's condition matches a partial index's word for word. */
export const statusList = (statuses: readonly string[]) => sql.raw(statuses.map((s) => `'${s}'`).join(', '));

export type ApplicationKind = (typeof applicationKinds)[number];
export type PassportType = (typeof passportTypes)[number];
export type Speed = (typeof speeds)[number];
export type MaritalStatus = (typeof maritalStatuses)[number];
export type TravelPurpose = (typeof travelPurposes)[number];
export type DocumentKind = (typeof documentKinds)[number];
export type ApplicationStatus = (typeof applicationStatuses)[number] | (string & {});

/**
 * One passport application for one applicant. Filled step by step while a draft (so wizard columns are nullable),
 * complete once submitted. `status` caches what the actions say.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    trackingCode: text('tracking_code').notNull(),
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    unitCode: text('unit_code'),
    nik: text('nik'),
    fullName: text('full_name'),
    /**
     * The family-name part of the full name as the applicant states it (the passport's primary identifier), '' for
     * a name without one; null while not asked. Never guessed from the last word.
     */
    familyName: text('family_name'),
    birthPlace: text('birth_place'),
    birthDate: date('birth_date'),
    sex: text('sex').$type<'F' | 'M'>(),
    maritalStatus: text('marital_status').$type<MaritalStatus>(),
    address: text('address'),
    villageCode: text('village_code'),
    phone: text('phone'),
    email: text('email'),
    kind: text('kind').$type<ApplicationKind>(),
    oldPassportNumber: text('old_passport_number'),
    passportType: text('passport_type').$type<PassportType>(),
    validityYears: integer('validity_years').$type<5 | 10>(),
    speed: text('speed').$type<Speed>(),
    purpose: text('purpose').$type<TravelPurpose>(),
    pmiRecommendationNumber: text('pmi_recommendation_number'),
    /** Itemised fee fixed at submission from the tariff in force that day. */
    feeTotal: integer('fee_total'),
    feeItems: jsonb('fee_items').$type<FeeLine[]>(),
    feeRegulation: text('fee_regulation'),
    /** Problems an officer should look at, e.g. an irregular NIK birth-day code. */
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The officer holding the case at the office (take / release actions); caches the newest of them. */
    holderId: uuid('holder_id'),
    /** Service level: the working day by which the passport should be ready, set once biometrics and payment are in. */
    dueOn: date('due_on'),
    /** Served at an Eazy Paspor session or a si Koe Peduli visit instead of at the office's counter. */
    outreachSessionId: uuid('outreach_session_id'),
    homeVisitId: uuid('home_visit_id'),
    /** When the status last changed: work queues sort and age by it. */
    statusAt: timestamp('status_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_tracking_code_key').on(t.trackingCode),
    index('applications_account_idx').on(t.accountId),
    index('applications_nik_idx').on(t.nik),
    // One open application per person and passport type: submitted and not yet ended.
    uniqueIndex('applications_open_nik_type_key')
      .on(t.nik, t.passportType)
      .where(sql`status not in (${statusList(closedApplicationStatuses)})`),
    index('applications_queue_idx').on(t.unitCode, t.status, t.statusAt),
    index('applications_due_idx').on(t.unitCode, t.dueOn),
    // Cases whose SOP clock still runs, by due date: the overdue count reads a few thousand entries, not millions.
    index('applications_running_due_idx')
      .on(t.unitCode, t.dueOn)
      .where(sql`status not in (${statusList(clockStoppedStatuses)})`),
    index('applications_session_idx').on(t.outreachSessionId),
    // Name search matches word prefixes in any order (src/casework/search-cases.ts uses this exact expression).
    index('applications_name_words_idx').using('gin', sql`to_tsvector('simple', coalesce(${t.fullName}, ''))`),
  ],
);
export type Application = typeof applications.$inferSelect;

/** Append-only history of an application: who did what, when, and why. */
export const applicationActions = pgTable(
  'application_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** Client-supplied request id: a resent request finds its action already there and changes nothing. */
    requestId: text('request_id'),
  },
  (t) => [
    index('application_actions_application_idx').on(t.applicationId, t.id),
    // Counts of one action type in a period (deferrals on the dashboard).
    index('application_actions_type_at_idx').on(t.type, t.at),
    uniqueIndex('application_actions_request_key')
      .on(t.applicationId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);

export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    kind: text('kind').$type<DocumentKind>().notNull(),
    storageKey: text('storage_key').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    originalName: text('original_name'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_documents_application_idx').on(t.applicationId)],
);
