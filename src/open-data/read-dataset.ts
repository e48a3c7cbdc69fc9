import { witaDate } from '../platform/calendar/wita.ts';
import { translator, type Lang } from '../platform/i18n/index.ts';
import { publishedReport, type ReportDatabases } from '../transparency/published-report.ts';
import { unitScope } from '../units/scope.ts';
import type { Column, Dataset, Row } from './datasets.ts';

/** The first year with figures: the passport counts of Sikoe's predecessors start in 2024. */
export const FIRST_YEAR = 2024;
export const thisYear = (now = new Date()) => Number(witaDate(now).slice(0, 4));
/** The years a dataset may be asked for, newest first. */
export const openYears = (now = new Date()) =>
  Array.from({ length: thisYear(now) - FIRST_YEAR + 1 }, (_, i) => thisYear(now) - i);

/** Why a request for data was refused: a message in the reader's language, by the field at fault. */
export class DataRequestError extends Error {
  constructor(
    readonly field: 'year' | 'unit',
    readonly key: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

/** The year asked for (this year when left out): whole digits between FIRST_YEAR and this year. */
export function parseYear(raw: string | undefined, now = new Date()): number {
  if (raw === undefined || raw === '') return thisYear(now);
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!(year >= FIRST_YEAR && year <= thisYear(now)))
    throw new DataRequestError('year', 'openData.badYear', { from: FIRST_YEAR, to: thisYear(now) });
  return year;
}

export type ColumnText = Column & { unitName?: { id: string; en: string }; description: { id: string; en: string } };

const both = (key: string, params: Record<string, unknown> = {}) => ({
  id: translator('id')(key, params),
  en: translator('en')(key, params),
});

/** A dataset's words in both languages: for JSON, the catalogue and the dictionary's pages. */
export function datasetText(dataset: Dataset) {
  return {
    title: both(`openData.datasets.${dataset.id}.title`),
    description: both(`openData.datasets.${dataset.id}.description`),
    rule: both(`openData.datasets.${dataset.id}.rule`),
  };
}

export function columnText(dataset: Dataset): ColumnText[] {
  return dataset.columns.map((c) => ({
    ...c,
    ...(c.unit ? { unitName: both(`openData.units.${c.unit}`) } : {}),
    description: both(`openData.columns.${dataset.id}.${c.name}`),
  }));
}

export const textIn = (lang: Lang, text: { id: string; en: string }) => text[lang];

/**
 * A dataset's rows for a year, with the small-count rule applied (as the published report holds them), for the whole region or, in datasets
 * with a unit_code column, for a unit and the units below it.
 */
export async function readDataset(
  dbs: ReportDatabases,
  dataset: Dataset,
  input: { year: number; unit?: string },
  maxAgeSeconds: number,
  now = new Date(),
): Promise<{ rows: Row[]; computedAt: Date }> {
  const byUnit = dataset.columns.some((c) => c.name === 'unit_code');
  if (input.unit && !byUnit) throw new DataRequestError('unit', 'openData.noUnits');
  const scope = input.unit ? await unitScope(dbs.read, input.unit) : null;
  if (scope?.length === 0) throw new DataRequestError('unit', 'openData.unknownUnit');
  const report = await publishedReport(dbs, input.year, maxAgeSeconds, now);
  const rows = dataset.rows(report);
  if (!scope) return { rows, computedAt: report.computedAt };
  const units = new Set(scope);
  return { rows: rows.filter((r) => units.has(String(r.unit_code))), computedAt: report.computedAt };
}
