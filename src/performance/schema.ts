import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FigureCode } from '../dashboard/figures.ts';

/** The six Zona Integritas change areas (pengungkit) and the results (hasil) an indicator gives evidence for. */
export const ziAreas = [
  'manajemen_perubahan',
  'penataan_tatalaksana',
  'penataan_sdm',
  'akuntabilitas_kinerja',
  'penguatan_pengawasan',
  'kualitas_pelayanan_publik',
  'hasil',
] as const;
export type ZiArea = (typeof ziAreas)[number];

export const measures = ['count', 'percent', 'index', 'rupiah', 'days'] as const;
export type Measure = (typeof measures)[number];
export const directions = ['higher', 'lower'] as const;
export type Direction = (typeof directions)[number];
/** How often the indicator is measured: a year's indicator is judged once, at the second semester, on the year. */
export const periods = ['quarter', 'semester', 'year'] as const;
export type Period = (typeof periods)[number];

/**
 * The indicator catalogue, as data: what each indicator counts (one dashboard figure, or a ratio of two as a
 * percentage), in which measure, which way is better, how often, and the ZI area it gives evidence for.
 */
export const indicators = pgTable('performance_indicators', {
  code: text('code').primaryKey(),
  figureCode: text('figure_code').$type<FigureCode>().notNull(),
  /** With a denominator the result is figure / denominator × 100. */
  denominatorCode: text('denominator_code').$type<FigureCode>(),
  measure: text('measure').$type<Measure>().notNull(),
  direction: text('direction').$type<Direction>().notNull(),
  period: text('period').$type<Period>().notNull(),
  ziArea: text('zi_area').$type<ZiArea>().notNull(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionId: text('description_id').notNull(),
  descriptionEn: text('description_en').notNull(),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
});
export type Indicator = typeof indicators.$inferSelect;

/** A unit's target for an indicator in a calendar year (for the year as a whole). */
export const indicatorTargets = pgTable(
  'performance_targets',
  {
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    unitCode: text('unit_code').notNull(),
    year: integer('year').notNull(),
    target: doublePrecision('target').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.unitCode, t.year] })],
);
export type IndicatorTarget = typeof indicatorTargets.$inferSelect;

export const evaluationStatuses = ['opened', 'frozen'] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

/** The catalogue entry as it was when the evaluation froze. */
export type FrozenIndicator = Omit<Indicator, 'active' | 'position'>;

/**
 * A semester's evaluation of the Kanwil's units (year and I/II), opened by the Kanwil and frozen by its head; a frozen
 * evaluation and everything under it never changes again (the use cases refuse, and so do the migration's triggers).
 */
export const evaluations = pgTable(
  'performance_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    half: smallint('half').$type<1 | 2>().notNull(),
    status: text('status').$type<EvaluationStatus>().notNull().default('opened'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    catalogue: jsonb('catalogue').$type<FrozenIndicator[]>(),
  },
  (t) => [uniqueIndex('performance_evaluations_semester_key').on(t.year, t.half)],
);
export type Evaluation = typeof evaluations.$inferSelect;

/** One indicator's line in a unit's snapshot; null where the figure is not computed yet or no target was set. */
export type SnapshotRow = {
  indicatorCode: string;
  from: string;
  to: string;
  result: number | null;
  /** The year's target, and the part of it this window is judged against (half of it for counts and rupiah). */
  yearTarget: number | null;
  target: number | null;
  achievement: number | null;
};
export type UnitSnapshot = { unitName: string; rows: SnapshotRow[]; score: number | null; rank: number | null };

/** A unit in a semester's evaluation: its head's notes, and once frozen its snapshot, score and rank. */
export const evaluationUnits = pgTable(
  'performance_evaluation_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    unitCode: text('unit_code').notNull(),
    notes: text('notes').notNull().default(''),
    notesUpdatedAt: timestamp('notes_updated_at', { withTimezone: true }),
    snapshot: jsonb('snapshot').$type<UnitSnapshot>(),
    score: doublePrecision('score'),
    rank: integer('rank'),
  },
  (t) => [uniqueIndex('performance_evaluation_units_key').on(t.evaluationId, t.unitCode)],
);
export type EvaluationUnit = typeof evaluationUnits.$inferSelect;

/** A document a unit's head uploads as evidence for one ZI area. */
export const evaluationEvidence = pgTable(
  'performance_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    unitCode: text('unit_code').notNull(),
    ziArea: text('zi_area').$type<ZiArea>().notNull(),
    title: text('title').notNull(),
    storageKey: text('storage_key').notNull(),
    mediaType: text('media_type').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('performance_evidence_unit_idx').on(t.evaluationId, t.unitCode)],
);
export type EvaluationEvidence = typeof evaluationEvidence.$inferSelect;

/** The evaluation's history: opened, each unit's notes and evidence, frozen. */
export const evaluationActions = pgTable(
  'performance_evaluation_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    evaluationId: uuid('evaluation_id').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('performance_evaluation_actions_evaluation_idx').on(t.evaluationId, t.id),
    uniqueIndex('performance_evaluation_actions_request_key')
      .on(t.evaluationId, t.requestId)
      .where(sql`request_id is not null`),
  ],
);
