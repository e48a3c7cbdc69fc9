import { formatDateTime, type Lang, type T } from '../platform/i18n/index.ts';
import { formatScore } from './format-ikm.ts';
import type { IkmReport } from './ikm-report.ts';
import { reportRows } from './report-rows.ts';

/**
 * The IKM report as an A4 PDF in the layout offices publish: unit, period, respondents, the element table, IKM,
 * converted value, category and label, then the respondents' profile. Standard PDF fonts only.
 */
export async function renderIkmPdf(report: IkmReport, t: T, lang: Lang, now = new Date()): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang,
    info: { Title: `${t('surveys.report.title')} ${report.unit.name}`, Author: 'Sikoe' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const rows = reportRows(report, t, (v, d) => formatScore(lang, v, d));
  const left = doc.page.margins.left;
  const line = (label: string, value: string, bold = false) => {
    const y = doc.y;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .text(label, left, y, { width: 360 });
    const after = doc.y;
    doc.text(value, left + 370, y, { width: 120, align: 'right' });
    doc.y = Math.max(after, doc.y) + 2;
  };

  doc.font('Helvetica-Bold').fontSize(16).text(t('surveys.report.title'));
  doc.moveDown(0.5);
  for (const [label, value] of rows.header) line(label, value);
  doc.moveDown(0.5);
  line(t('surveys.officer.element'), t('surveys.officer.mean'), true);
  for (const [label, value] of rows.elements) line(label, value);
  doc.moveDown(0.3);
  for (const [label, value] of rows.totals) line(label, value, true);
  doc.moveDown(1).font('Helvetica-Bold').fontSize(12).text(t('surveys.report.profileTitle'), left);
  for (const group of rows.profile) {
    doc.moveDown(0.4);
    line(group.title, t('surveys.report.count'), true);
    for (const [label, value] of group.rows) line(label, value);
  }
  doc.moveDown(1).font('Helvetica').fontSize(8).fillColor('#444').text(t('surveys.report.regulation'), left);
  doc.text(t('surveys.report.printed', { at: formatDateTime(lang, now) }));
  doc.end();
  return done;
}
