import type { watchlist as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

// Messages of the "watchlist" namespace (English); the same keys as messages.id.ts.
export const watchlist: Messages<typeof id> = {
  title: 'Prevention list',
  lead: 'People listed here cannot obtain a passport at any office in NTT. Counter staff only see that an applicant is listed, never why.',
  audited: 'This list holds personal data; every time it is opened or changed is recorded in the audit trail.',
  showLifted: 'Show lifted entries too',
  hideLifted: 'Hide lifted entries',
  none: 'The prevention list is empty.',
  count: '{{n}} people',
  indefinite: 'Indefinite',
  lifted: 'Lifted: {{reason}}',
  lift: 'Lift',
  liftReason: 'Reason for lifting',
  addTitle: 'Add a person to the list',
  add: 'Add',
  nikHint: '16 digits. Give the NIK or the birth date (or both).',
  dateHint: 'As in the document the prevention rests on.',
  referenceHint: 'The number of the letter or decision the listing rests on.',
  validUntilHint: 'Leave empty for no end date.',
  fields: {
    nik: 'NIK',
    fullName: 'Full name',
    birthDate: 'Birth date',
    reason: 'Reason',
    reference: 'Grounds',
    validUntil: 'Valid until',
  },
  v: { identity: 'Give the NIK or the birth date: a name alone is not enough to match.' },
};
