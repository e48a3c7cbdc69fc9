import { formatNumber, formatRupiah } from '../platform/i18n/format.ts';
import type { Lang, T } from '../platform/i18n/index.ts';
import type { FrozenIndicator, Measure, SnapshotRow } from './schema.ts';
import type { EvaluationView } from './view-evaluation.ts';

/** A value in its measure, as pages and the PDF show it. */
export function formatValue(lang: Lang, measure: Measure, value: number | null, t: T): string {
  if (value === null) return '—';
  if (measure === 'rupiah') return formatRupiah(lang, value);
  if (measure === 'percent') return `${formatNumber(lang, value, 2)} %`;
  if (measure === 'index') return formatNumber(lang, value, 2);
  return `${formatNumber(lang, value, 1)}${measure === 'days' ? ` ${t('performance.measures.days')}` : ''}`;
}

export const indicatorName = (lang: Lang, i: Pick<FrozenIndicator, 'nameId' | 'nameEn'>) =>
  lang === 'en' ? i.nameEn : i.nameId;

export const semesterTitle = (t: T, e: { year: number; half: 1 | 2 }) =>
  t('performance.evaluations.semester', { half: t(`performance.evaluations.halves.${e.half}`), year: e.year });

/** A snapshot row with its catalogue entry, for the tables of the page, the PDF and the workbook. */
export function rowsWithIndicators(view: Pick<EvaluationView, 'catalogue'>, rows: SnapshotRow[]) {
  const byCode = new Map(view.catalogue.map((i) => [i.code, i]));
  return rows.flatMap((row) => {
    const indicator = byCode.get(row.indicatorCode);
    return indicator ? [{ row, indicator }] : [];
  });
}
