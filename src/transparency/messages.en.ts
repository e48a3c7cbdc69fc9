import type { transparency as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

// Messages of the "transparency" namespace (English); messages.id.ts has the same keys.
export const transparency: Messages<typeof id> = {
  title: 'Service transparency',
  lead: 'Complaints, public satisfaction and passports issued, for the regional office and each immigration office with the posts below it. Figures only: no personal data.',
  year: 'Year',
  show: 'Show',
  tableCaption: 'Figures for {{year}}',
  office: 'Office',
  received: 'Complaints received',
  resolved: 'Resolved',
  overdue: 'Overdue',
  medianDays: 'Median days to first answer',
  ikm: 'IKM (converted)',
  category: 'Service quality',
  respondents: 'Survey respondents',
  passports: 'Passports issued',
  complaintsChart: 'Complaints per office',
  ikmChart: 'Public satisfaction index per office (0–100)',
  chartDesc: 'Bar chart per office; the figures are in the table above.',
  csv: 'Download CSV',
  note: 'Overdue: not verified within 3 working days or not answered by its deadline, as of today. IKM as in PermenPANRB 14/2017.',
  whistleblowingNote:
    "The regional office's figures include {{count}} whistle-blowing reports. They are not counted per office, so that they point at no office's staff.",
  categories: { A: 'Very good', B: 'Good', C: 'Poor', D: 'Not good' },
};
