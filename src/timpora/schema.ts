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

/** The kinds of government bodies that sit in Timpora teams (shared/domain-oversight.md §3.2). */
export const agencyKinds = [
  'immigration',
  'police',
  'military',
  'prosecutor',
  'intelligence',
  'satpol_pp',
  'city_government',
  'district_head',
  'village_head',
  'manpower',
  'dukcapil',
  'customs',
  'other',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const partnerAgencies = pgTable(
  'partner_agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A short stable code (`POLRESTA-KUPANG`), unique. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<AgencyKind>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('partner_agencies_code_key').on(t.code)],
);
export type PartnerAgency = typeof partnerAgencies.$inferSelect;

/** Provincial (SK by the Kakanwil), regency/city (chaired by the Kakanim), kecamatan, and the waters team. */
export const teamLevels = ['province', 'regency', 'district', 'waters'] as const;
export type TeamLevel = (typeof teamLevels)[number];

export const timporaTeams = pgTable(
  'timpora_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    level: text('level').$type<TeamLevel>().notNull(),
    parentId: uuid('parent_id'),
    /** The immigration unit that runs the team: the Kanwil for province and waters, a Kanim below. */
    unitCode: text('unit_code').notNull(),
    /** The regency or kecamatan code (regions) the team covers; none for province and waters teams. */
    regionCode: text('region_code'),
    decreeNumber: text('decree_number').notNull(),
    decreeDate: date('decree_date').notNull(),
    chairName: text('chair_name').notNull(),
    chairPosition: text('chair_position').notNull(),
    secretaryName: text('secretary_name'),
    secretaryPosition: text('secretary_position'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('timpora_teams_unit_idx').on(t.unitCode), index('timpora_teams_parent_idx').on(t.parentId)],
);
export type TimporaTeam = typeof timporaTeams.$inferSelect;

/** An agency sitting in a team, with its contact person there. */
export const timporaTeamAgencies = pgTable(
  'timpora_team_agencies',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => timporaTeams.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => partnerAgencies.id),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.agencyId] })],
);

/** A partner account's membership of a team, for its one agency (every row of an account names the same agency). */
export const timporaTeamPartners = pgTable(
  'timpora_team_partners',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => timporaTeams.id),
    accountId: uuid('account_id').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => partnerAgencies.id),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.accountId] }), index('timpora_team_partners_account_idx').on(t.accountId)],
);

export const timporaMeetings = pgTable(
  'timpora_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => timporaTeams.id),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    agenda: text('agenda').notNull(),
    /** The agencies present (partner_agencies ids). */
    agenciesPresent: jsonb('agencies_present').$type<string[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    /** The client's id of the request that recorded it: a resent form finds the meeting it made. */
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('timpora_meetings_team_idx').on(t.teamId, t.heldOn),
    // Per officer: another officer's request id never answers with this record.
    uniqueIndex('timpora_meetings_request_key')
      .on(t.teamId, t.recordedBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type TimporaMeeting = typeof timporaMeetings.$inferSelect;

export const recommendationStatuses = ['open', 'done'] as const;
export type RecommendationStatus = (typeof recommendationStatuses)[number];

/** A meeting's decision or recommendation, owned by one agency, followed up until done. */
export const timporaRecommendations = pgTable(
  'timpora_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => timporaMeetings.id),
    text: text('text').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => partnerAgencies.id),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<RecommendationStatus>().notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('timpora_recommendations_meeting_idx').on(t.meetingId)],
);
export type TimporaRecommendation = typeof timporaRecommendations.$inferSelect;

export const recommendationActions = pgTable(
  'timpora_recommendation_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recommendationId: uuid('recommendation_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('timpora_recommendation_actions_rec_idx').on(t.recommendationId, t.id),
    uniqueIndex('timpora_recommendation_actions_request_key')
      .on(t.recommendationId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);

/** recommendation → preparation → operation (in the field) → reported; cancelled before the field. */
export const operationStatuses = ['recommendation', 'preparation', 'operation', 'reported', 'cancelled'] as const;
export type OperationStatus = (typeof operationStatuses)[number];

export const timporaOperations = pgTable(
  'timpora_operations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit that runs it: the unit of the first team named. */
    unitCode: text('unit_code').notNull(),
    title: text('title').notNull(),
    status: text('status').$type<OperationStatus>().notNull().default('recommendation'),
    /** The meeting recommendation the operation came from, if any. */
    recommendationId: uuid('recommendation_id').references(() => timporaRecommendations.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Places to check that are neither a registered lodging nor a whole village (a beach, a harbour path). */
    places: text('places').notNull().default(''),
    createdBy: uuid('created_by'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('timpora_operations_unit_idx').on(t.unitCode, t.startsOn),
    uniqueIndex('timpora_operations_request_key')
      .on(t.createdBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type TimporaOperation = typeof timporaOperations.$inferSelect;

export const timporaOperationTeams = pgTable(
  'timpora_operation_teams',
  {
    operationId: uuid('operation_id')
      .notNull()
      .references(() => timporaOperations.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => timporaTeams.id),
  },
  (t) => [primaryKey({ columns: [t.operationId, t.teamId] }), index('timpora_operation_teams_team_idx').on(t.teamId)],
);

/** A lodging from the lodging registry, or a village by its code. */
export const timporaOperationTargets = pgTable(
  'timpora_operation_targets',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => timporaOperations.id),
    lodgingId: uuid('lodging_id'),
    villageCode: text('village_code'),
  },
  (t) => [index('timpora_operation_targets_operation_idx').on(t.operationId)],
);

export const operationActions = pgTable(
  'timpora_operation_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    operationId: uuid('operation_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('timpora_operation_actions_operation_idx').on(t.operationId, t.id),
    uniqueIndex('timpora_operation_actions_request_key')
      .on(t.operationId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);

export const permitStates = ['valid', 'expired', 'none'] as const;
export type PermitState = (typeof permitStates)[number];
export const findingOutcomes = ['no_violation', 'secured', 'documents_taken', 'handed_to_agency'] as const;
export type FindingOutcome = (typeof findingOutcomes)[number];
export const violationTypes = ['overstay', 'no_document', 'permit_misuse', 'illegal_entry', 'other'] as const;
export type ViolationType = (typeof violationTypes)[number];

/** One check in the field: the person, the permit as the registry showed it then, and what the team did. */
export const timporaFindings = pgTable(
  'timpora_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operationId: uuid('operation_id')
      .notNull()
      .references(() => timporaOperations.id),
    foreignerId: uuid('foreigner_id'),
    /** The document as shown (kept for the report by nationality, and the masked partial number). */
    nationality: text('nationality').notNull(),
    documentNumber: text('document_number'),
    permitState: text('permit_state').$type<PermitState>().notNull(),
    permitId: uuid('permit_id'),
    outcome: text('outcome').$type<FindingOutcome>().notNull(),
    handedToAgencyId: uuid('handed_to_agency_id').references(() => partnerAgencies.id),
    violation: text('violation').$type<ViolationType>(),
    villageCode: text('village_code').notNull(),
    foundAt: timestamp('found_at', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
    /** Storage keys of the photos taken, sniffed as images. */
    photoKeys: jsonb('photo_keys').$type<string[]>().notNull().default([]),
    recordedBy: uuid('recorded_by'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('timpora_findings_operation_idx').on(t.operationId),
    index('timpora_findings_foreigner_idx').on(t.foreignerId),
    // Per officer: another officer's request id never answers with this record.
    uniqueIndex('timpora_findings_request_key')
      .on(t.operationId, t.recordedBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type TimporaFinding = typeof timporaFindings.$inferSelect;
