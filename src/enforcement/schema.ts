import { sql } from 'drizzle-orm';
import { bigserial, char, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Where a case comes from: a Timpora field finding, an overstay, a crossing handed over or refused, or a report. */
export const caseSources = ['finding', 'overstay', 'crossing', 'report'] as const;
export type CaseSource = (typeof caseSources)[number];

/**
 * opened → examined (BAP) → opinion (laporan pendapat) → decided (the head of office) → executed → closed; an overstay
 * case closes as closed_paid once the charge is paid; withdrawn before a decision, with a reason.
 */
export const caseStatuses = [
  'opened',
  'examined',
  'opinion',
  'decided',
  'executed',
  'closed',
  'closed_paid',
  'withdrawn',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** UU 6/2011 Pasal 75(2) a–f. */
export const measureTypes = ['listing', 'permit', 'place_ban', 'residence', 'charge', 'deportation'] as const;
export type MeasureType = (typeof measureTypes)[number];

/**
 * One administrative action case (Tindakan Administratif Keimigrasian) against one foreigner, at the unit that
 * handles it. The person's nationality is copied at opening, so the figures count by it without reading the register.
 */
export const enforcementCases = pgTable(
  'enforcement_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    foreignerId: uuid('foreigner_id').notNull(),
    nationality: char('nationality', { length: 3 }).notNull(),
    sourceKind: text('source_kind').$type<CaseSource>().notNull(),
    /** The source record's id (finding, overstay, crossing) or a report's letter or complaint reference. */
    sourceRef: text('source_ref').notNull(),
    grounds: text('grounds').notNull(),
    status: text('status').$type<CaseStatus>().notNull().default('opened'),
    openedBy: uuid('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    /** The BAP (berita acara pemeriksaan). */
    examinedOn: date('examined_on'),
    examiner: text('examiner'),
    examinationPlace: text('examination_place'),
    statement: text('statement'),
    /** The signed BAP as a PDF in storage, when one was attached. */
    bapKey: text('bap_key'),
    /** The opinion report (laporan pendapat) and the actions it proposes; its author may not decide. */
    opinion: text('opinion'),
    proposed: jsonb('proposed').$type<MeasureType[]>(),
    opinionBy: uuid('opinion_by'),
    decisionNumber: text('decision_number'),
    decidedOn: date('decided_on'),
    decidedBy: uuid('decided_by'),
    /** Why the case was withdrawn or closed. */
    closingNote: text('closing_note'),
    /** The opening officer's request id: a resent form finds the case it opened. */
    requestId: text('request_id'),
  },
  (t) => [
    index('enforcement_cases_unit_idx').on(t.unitCode, t.status),
    index('enforcement_cases_foreigner_idx').on(t.foreignerId),
    // One open case per person, even when two officers open one at once (the second gets a conflict).
    uniqueIndex('enforcement_cases_open_key')
      .on(t.foreignerId)
      .where(sql`status not in ('closed', 'closed_paid', 'withdrawn')`),
    uniqueIndex('enforcement_cases_request_key')
      .on(t.openedBy, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type EnforcementCase = typeof enforcementCases.$inferSelect;

export const enforcementCaseActions = pgTable(
  'enforcement_case_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('enforcement_case_actions_case_idx').on(t.caseId, t.id),
    uniqueIndex('enforcement_case_actions_request_key')
      .on(t.caseId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
export type EnforcementCaseAction = typeof enforcementCaseActions.$inferSelect;

/**
 * One action the decision names, with its legal basis, its end where it has one, and its execution: an entry-ban
 * listing names the watchlist entry it made, a permit cancellation the permit.
 */
export const enforcementMeasures = pgTable(
  'enforcement_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => enforcementCases.id),
    type: text('type').$type<MeasureType>().notNull(),
    basis: text('basis').notNull(),
    /** The place, the permit change, the charge … in words. */
    detail: text('detail'),
    validUntil: date('valid_until'),
    permitId: uuid('permit_id'),
    watchlistEntryId: uuid('watchlist_entry_id'),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    executedBy: uuid('executed_by'),
    note: text('note'),
  },
  (t) => [index('enforcement_measures_case_idx').on(t.caseId)],
);
export type EnforcementMeasure = typeof enforcementMeasures.$inferSelect;

/** A deportation carried out: how and where the person left, who escorted them, and the embassy notified. */
export const deportations = pgTable(
  'deportations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => enforcementCases.id),
    unitCode: text('unit_code').notNull(),
    nationality: char('nationality', { length: 3 }).notNull(),
    departOn: date('depart_on').notNull(),
    carrier: text('carrier').notNull(),
    ticketNumber: text('ticket_number').notNull(),
    /** The flight number or the vessel's name; empty for a hand-over on foot at a land post. */
    flightOrVessel: text('flight_or_vessel'),
    /** The crossing point or airport (crossing-points' code) the person leaves through. */
    crossingPointCode: text('crossing_point_code').notNull(),
    escorts: jsonb('escorts').$type<string[]>().notNull(),
    embassy: text('embassy').notNull(),
    letterNumber: text('letter_number').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('deportations_case_key').on(t.caseId), index('deportations_unit_idx').on(t.unitCode, t.departOn)],
);
export type Deportation = typeof deportations.$inferSelect;
