import type { holidays as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

export const holidays: Messages<typeof id> = {
  title: 'Holidays and office closures {{year}}',
  lead: 'On these dates offices do not serve and take no bookings. National holidays come from the official calendar; cuti bersama are added each year as the joint decree sets them.',
  years: 'Other years',
  previousYear: '← {{year}}',
  nextYear: '{{year}} →',
  none: 'No holidays in this year yet.',
  date: 'Date',
  name: 'Description',
  kind: 'Kind',
  unit: 'Office',
  unitHint: 'Only for office closures.',
  noUnit: '— all offices —',
  allUnits: 'All offices',
  kinds: {
    national: 'National holiday',
    cuti_bersama: 'Cuti bersama (collective leave)',
    office_closure: 'Office closure',
  },
  addTitle: 'Add a holiday or office closure',
  add: 'Add',
  edit: 'Edit',
  editTitle: 'Edit {{name}}',
  removeTitle: 'Remove',
  removeHint: 'The date becomes a serving day again.',
  remove: 'Remove this holiday',
  back: 'Back to the holidays',
  closureNeedsUnit: 'Choose the office that closes.',
  duplicate: 'A holiday of this kind is already on that date.',
};
