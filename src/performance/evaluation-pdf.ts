import { formatDateTime, formatNumber } from '../platform/i18n/format.ts';
import type { Lang, T } from '../platform/i18n/index.ts';
import { formatValue, indicatorName, rowsWithIndicators } from './report-rows.ts';
import type { EvaluationView, UnitLine } from './view-evaluation.ts';

type Pen = {
  doc: PDFKit.PDFDocument;
  row: (cells: string[], bold?: boolean) => void;
  view: EvaluationView;
  t: T;
  lang: Lang;
  draft: string;
};

/** One unit's page: its results against targets, its head's notes, its evidence per ZI area. */
function unitSection({ doc, row, view, t, lang, draft }: Pen, u: UnitLine): void {
  const left = doc.page.margins.left;
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(13).text(`${u.unitName}${draft}`, left);
  row(
    [
      t('performance.evaluation.indicator'),
      t('performance.evaluation.window'),
      t('performance.evaluation.result'),
      t('performance.evaluation.yearTarget'),
      t('performance.evaluation.target'),
      t('performance.evaluation.achievement'),
    ],
    true,
  );
  for (const { row: r, indicator } of rowsWithIndicators(view, u.rows))
    row([
      indicatorName(lang, indicator),
      `${r.from} – ${r.to}`,
      r.result === null ? t('performance.evaluation.notComputed') : formatValue(lang, indicator.measure, r.result, t),
      formatValue(lang, indicator.measure, r.yearTarget, t),
      formatValue(lang, indicator.measure, r.target, t),
      r.achievement === null ? '—' : `${formatNumber(lang, r.achievement, 2)} %`,
    ]);
  row(
    [t('performance.evaluation.score'), '', '', '', '', u.score === null ? '—' : formatNumber(lang, u.score, 2)],
    true,
  );
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(t('performance.evaluation.notes'), left);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(u.notes || t('performance.evaluation.noNotes'), left);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(t('performance.evaluation.evidence'), left);
  if (u.evidence.length === 0) doc.font('Helvetica').fontSize(9).text(t('performance.evaluation.noEvidence'), left);
  for (const e of u.evidence)
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(`${t(`performance.areas.${e.ziArea}`)}: ${e.title}`, left);
}

/**
 * The evaluation as an A4 landscape PDF: the ranking, then per unit its results against targets, notes and evidence
 * titles per ZI area. A draft says so on every unit's heading. Standard PDF fonts only.
 */
export async function renderEvaluationPdf(view: EvaluationView, t: T, lang: Lang, now = new Date()): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const { evaluation } = view;
  const title = t('performance.evaluation.reportTitle', {
    half: t(`performance.evaluations.halves.${evaluation.half}`),
    year: evaluation.year,
  });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 40,
    lang,
    info: { Title: title, Author: 'Sikoe' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const widths = [300, 130, 90, 90, 90, 60];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = left;
    let bottom = y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: widths[i]! - 6, align: i < 2 ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
      x += widths[i]!;
    });
    doc.y = bottom + 3;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
  };
  const draft = view.draft ? ` (${t('performance.evaluation.draftMark')})` : '';

  doc.font('Helvetica-Bold').fontSize(15).text(`${title}${draft}`, left);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(view.draft ? t('performance.evaluation.draft') : '', left);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(t('performance.evaluation.ranking'), left);
  for (const u of view.units)
    row([
      u.unitName,
      u.rank === null ? '—' : t('performance.evaluation.rankOf', { rank: u.rank, count: view.unitCount }),
      u.score === null ? '—' : formatNumber(lang, u.score, 2),
    ]);
  for (const u of view.units) unitSection({ doc, row, view, t, lang, draft }, u);
  doc.moveDown(1).font('Helvetica').fontSize(8).fillColor('#444').text(t('performance.evaluation.scoreNote'), left);
  doc.text(t('performance.evaluation.printed', { at: formatDateTime(lang, now) }), left);
  doc.end();
  return done;
}
