import { csvText } from '../platform/http/csv.ts';
import type { MonthlyCrossingCount } from '../border/count-crossings.ts';
import type { ProtectedForeignerFigures } from './protect-report.ts';
import type { DesaBinaanRow } from './desa-binaan-figures.ts';
import type { OversightRow } from './oversight-figures.ts';

/**
 * The open figures on foreigners as one long table (section, month, unit, then the section's own columns), since the
 * three sections have different columns; machine-readable codes; a count emptied by the small-count rule is empty.
 */
export function foreignerCsv(figures: ProtectedForeignerFigures): string {
  const header = ['section', 'month', 'unit_code', 'permit_type', 'nationality', 'count', 'late', 'paid', 'proposed'];
  const rows = [
    ...figures.permits.map((r) => ['stay_permits', r.month, r.unitCode, r.type, r.nationality, r.count, '', '', '']),
    ...figures.lodgingReports.map((r) => ['lodging_reports', r.month, r.unitCode, '', '', r.reports, r.late, '', '']),
    ...figures.overstays.map((r) => ['overstays', r.month, r.unitCode, '', '', r.overstays, '', r.paid, r.proposed]),
  ];
  return csvText(header, rows);
}

/** Border crossings per month, point, direction, citizen/foreigner and document, with machine-readable codes. */
export function crossingCsv(rows: MonthlyCrossingCount[]): string {
  const header = ['month', 'point_code', 'direction', 'traveller_kind', 'document_kind', 'count'];
  const lines = rows.map((r) => [r.month, r.pointCode, r.direction, r.travellerKind, r.documentKind, r.count]);
  return csvText(header, lines);
}

/** Oversight, administrative action and detention counts, one row each, with machine-readable codes. */
export function oversightCsv(rows: OversightRow[]): string {
  const header = ['section', 'month', 'unit_code', 'category', 'nationality', 'count'];
  const lines = rows.map((r) => [r.section, r.month, r.unitCode, r.category, r.nationality, r.count]);
  return csvText(header, lines);
}

/** Desa Binaan's counts per office and regency, one row each, with machine-readable codes. */
export function desaBinaanCsv(rows: DesaBinaanRow[]): string {
  const header = ['section', 'unit_code', 'regency_code', 'category', 'count'];
  const lines = rows.map((r) => [r.section, r.unitCode, r.regencyCode, r.category, r.count]);
  return csvText(header, lines);
}
