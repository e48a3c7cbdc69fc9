import type { Lang, T } from '../platform/i18n/index.ts';
import { indicatorName, rowsWithIndicators } from './report-rows.ts';
import type { EvaluationView } from './view-evaluation.ts';

/**
 * The evaluation as a workbook: a ranking sheet and one results sheet with a row per unit and indicator, the figures
 * as numbers so the Kanwil can compute with them. A draft's sheets say DRAFT in their first row.
 */
export async function renderEvaluationXlsx(view: EvaluationView, t: T, lang: Lang): Promise<Buffer> {
  // Loaded on first use: exceljs takes longer to load than the rest of the server's start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sikoe';
  const { evaluation } = view;
  const title = t('performance.evaluation.reportTitle', {
    half: t(`performance.evaluations.halves.${evaluation.half}`),
    year: evaluation.year,
  });
  const heading = view.draft ? `${t('performance.evaluation.draftMark')}: ${title}` : title;

  const ranking = workbook.addWorksheet(t('performance.evaluation.rank'));
  ranking.columns = [{ width: 12 }, { width: 18 }, { width: 44 }, { width: 12 }];
  ranking.addRow([heading]).font = { bold: true };
  ranking.addRow([
    t('performance.evaluation.rank'),
    t('performance.catalogue.code'),
    t('performance.evaluation.unit'),
    t('performance.evaluation.score'),
  ]).font = { bold: true };
  for (const u of view.units) ranking.addRow([u.rank, u.unitCode, u.unitName, u.score]);

  const results = workbook.addWorksheet(t('performance.evaluation.results'));
  results.columns = [18, 40, 20, 44, 12, 12, 14, 14, 14, 12].map((width) => ({ width }));
  results.addRow([heading]).font = { bold: true };
  results.addRow([
    t('performance.catalogue.code'),
    t('performance.evaluation.unit'),
    t('performance.catalogue.code'),
    t('performance.evaluation.indicator'),
    t('performance.catalogue.measure'),
    t('performance.catalogue.area'),
    t('performance.evaluation.result'),
    t('performance.evaluation.yearTarget'),
    t('performance.evaluation.target'),
    t('performance.evaluation.achievement'),
  ]).font = { bold: true };
  for (const u of view.units)
    for (const { row, indicator } of rowsWithIndicators(view, u.rows))
      results.addRow([
        u.unitCode,
        u.unitName,
        indicator.code,
        indicatorName(lang, indicator),
        t(`performance.measures.${indicator.measure}`),
        t(`performance.areas.${indicator.ziArea}`),
        row.result,
        row.yearTarget,
        row.target,
        row.achievement,
      ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
