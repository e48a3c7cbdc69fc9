import { csvText } from '../platform/http/csv.ts';
import type { TransparencyReport } from './transparency-report.ts';

/** One row per office and one for the region, machine-readable (dot decimals, codes), as open data. */
export function transparencyCsv(report: TransparencyReport): string {
  const header = [
    'year',
    'unit_code',
    'unit_name',
    'complaints_received',
    'complaints_resolved',
    'complaints_overdue',
    'median_days_to_first_answer',
    'ikm_converted',
    'ikm_category',
    'ikm_respondents',
    'passports_biasa',
    'passports_elektronik',
    'passports_total',
  ];
  const rows = [...report.units, report.region].map((r) => [
    report.year,
    r.unitCode,
    r.unitName,
    r.complaints.received,
    r.complaints.resolved,
    r.complaints.overdue,
    r.complaints.medianDaysToFirstAnswer,
    r.ikm.converted === null ? null : r.ikm.converted.toFixed(2),
    r.ikm.category,
    r.ikm.respondents,
    r.passports.biasa,
    r.passports.elektronik,
    r.passports.total,
  ]);
  return csvText(header, rows);
}
