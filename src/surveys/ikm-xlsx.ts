import type ExcelJS from 'exceljs';
import type { T } from '../platform/i18n/index.ts';
import type { IkmReport } from './ikm-report.ts';
import { reportRows } from './report-rows.ts';

/**
 * The IKM report as an Excel workbook: one sheet in the same layout as the PDF. Means, IKM and converted value are
 * numbers (formatted 0.000 / 0.00), so the office can compute with them.
 */
export async function renderIkmXlsx(report: IkmReport, t: T): Promise<Buffer> {
  // Loaded on first use: exceljs takes longer to load than the rest of the server's start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sikoe';
  const sheet = workbook.addWorksheet('IKM');
  sheet.columns = [{ width: 48 }, { width: 22 }];
  const rows = reportRows(report, t, () => '');
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  bold(sheet.addRow([t('surveys.report.title')]));
  for (const r of rows.header) sheet.addRow(r);
  sheet.addRow([]);
  bold(sheet.addRow([t('surveys.officer.element'), t('surveys.officer.mean')]));
  const { ikm } = report;
  ikm.elements.forEach((e, i) => {
    sheet.addRow([rows.elements[i]![0], e.mean]).getCell(2).numFmt = '0.000';
  });
  const ikmRow = sheet.addRow([t('surveys.officer.ikm'), ikm.ikm]);
  ikmRow.getCell(2).numFmt = '0.000';
  const convertedRow = sheet.addRow([t('surveys.officer.converted'), ikm.converted]);
  convertedRow.getCell(2).numFmt = '0.00';
  sheet.addRow([t('surveys.officer.category'), ikm.category ?? '']);
  sheet.addRow([t('surveys.report.label'), ikm.label ?? '']);
  [ikmRow, convertedRow].forEach(bold);
  sheet.addRow([]);
  bold(sheet.addRow([t('surveys.report.profileTitle')]));
  for (const group of rows.profile) {
    bold(sheet.addRow([group.title, t('surveys.report.count')]));
    for (const [label, count] of group.rows) sheet.addRow([label, Number(count)]);
  }
  sheet.addRow([]);
  sheet.addRow([t('surveys.report.regulation')]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
