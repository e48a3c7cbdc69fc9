import type { IssuedStats } from './count-issued-passports.ts';

const field = (value: string | number) =>
  typeof value === 'number' || !/[",\r\n]/.test(value) ? String(value) : `"${value.replace(/"/g, '""')}"`;

/** One line per unit and month with a passport issued; plain digits, for spreadsheets in any locale. */
export function issuedCsv(stats: IssuedStats): string {
  const lines = [['unit_code', 'unit_name', 'month', 'biasa', 'elektronik', 'total'].join(',')];
  for (const r of stats.rows)
    lines.push([r.unitCode, r.unitName, r.month, r.biasa, r.elektronik, r.total].map(field).join(','));
  return lines.join('\r\n') + '\r\n';
}
