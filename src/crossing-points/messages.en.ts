import type { crossingPoints as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

// Messages of the "crossingPoints" namespace: border crossing points (English); the same keys as messages.id.ts.
export const crossingPoints: Messages<typeof id> = {
  title: 'Border crossing points',
  lead: 'PLBN, traditional border crossings, and sea and air TPI, with the documents inspected and whether a border pass (PLB) may be used today.',
  kinds: {
    plbn: 'PLBN (state border post)',
    traditional: 'Traditional border crossing',
    sea: 'Seaport TPI',
    air: 'Airport TPI',
  },
  documents: { passport: 'Passport', plb: 'Border pass (PLB)' },
  fields: {
    name: 'Place',
    kind: 'Kind',
    unit: 'Operating unit',
    counterpart: 'Counterpart across the border',
    hours: 'Service hours',
    documents: 'Documents inspected',
    plbToday: 'PLB today',
    source: 'Source',
  },
  deskLink: 'Crossing desk (record arrivals and departures)',
  unknown: 'Not known yet',
  hoursUnknown: 'Not known yet (not in the sources)',
  everyDay: 'Every day {{hours}} WITA',
  closed: 'closed',
  plb: {
    accepted: 'Usable: the counterpart accepts the PLB',
    refused: 'Not usable: the counterpart does not accept the PLB',
    notServed: 'Does not serve the PLB',
    since: 'since {{date}}',
  },
  switch: {
    title: 'The counterpart’s acceptance of the PLB',
    accepts: 'Does the counterpart post accept the PLB?',
    yes: 'Yes, the PLB is accepted',
    no: 'No, passports only',
    effectiveFrom: 'In force from',
    effectiveFromHint: 'Today or later (WITA). Earlier history is not changed.',
    reason: 'Reason and basis',
    reasonHint: 'For example the number of the diplomatic note or notice.',
    submit: 'Record the change',
  },
  history: {
    title: 'History of PLB acceptance',
    none: 'Nothing recorded yet.',
    on: 'Accepted from {{date}}',
    off: 'Not accepted from {{date}}',
    seed: 'initial data',
  },
  v: {
    noPlb: 'This place does not serve the PLB.',
    pastDay: 'The day it takes effect cannot be before today.',
  },
};
