import { csvText } from '../platform/http/csv.ts';
import type { IssuedStats } from './count-issued-passports.ts';

/** One line per unit and month with a passport issued; plain digits, for spreadsheets in any locale. */
export function issuedCsv(stats: IssuedStats): string {
  const header = ['unit_code', 'unit_name', 'month', 'biasa', 'elektronik', 'total'];
  return csvText(
    header,
    stats.rows.map((r) => [r.unitCode, r.unitName, r.month, r.biasa, r.elektronik, r.total]),
  );
}
