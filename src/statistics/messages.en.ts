import type { statistics as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

export const statistics: Messages<typeof id> = {
  link: 'Passport statistics',
  title: 'Passport issuance statistics',
  lead: 'Passports issued by type, office and month. Counts only: no personal data.',
  from: 'From month',
  to: 'To month',
  unit: 'Office',
  allUnits: 'All of NTT (regional office)',
  show: 'Show',
  period: '{{from}} to {{to}}',
  total: 'Total',
  biasa: 'Ordinary passports',
  elektronik: 'Electronic passports',
  summary: '{{biasa}} ordinary + {{elektronik}} electronic passports = {{total}} travel documents.',
  chartTitle: 'Passports issued per month',
  chartDesc:
    'Stacked bar chart: ordinary and electronic passports per month, {{period}}. The figures are in the table below the chart.',
  month: 'Month',
  byMonth: 'By month',
  byUnit: 'By office',
  none: 'No passports were issued in this period.',
  csv: 'Download CSV (by office and month)',
  source: 'Months before Sikoe was in use are counted from the offices’ issuance records.',
  invalidRange: 'The first month must come before the last, at most 10 years apart.',
};
