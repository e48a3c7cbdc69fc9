import type { foreigners as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

// Messages of the "foreigners" namespace (English); the same keys as messages.id.ts.
export const foreigners: Messages<typeof id> = {
  v: {
    otherBirthDate: 'The new passport’s birth date must be the one already recorded for this person.',
    documentOfAnother:
      'This passport is already recorded for another person: check it again, or ask for the records to be merged.',
    countryCode: 'Write the three-letter country code as in the passport, e.g. AUS or D<<.',
    latinName: 'Write the name in Latin letters as in the passport’s MRZ lines (no accents).',
    documentNumber: 'A document number has letters and digits only, at most 15.',
    birthInFuture: 'The birth date cannot be after today.',
    mrzFormat: 'This is not an MRZ we recognise: copy both lines at the bottom of the passport’s data page.',
    mrzCheck: 'The MRZ check digits do not match: check every letter and digit again (O and 0 are often swapped).',
    unknownDocument: 'No foreigner has this passport number and nationality.',
    ambiguousDocument: 'This passport number belongs to more than one person: give the date of birth.',
    departureInFuture: 'The departure date cannot be after today.',
    arrivalInFuture: 'The arrival date cannot be after today.',
  },
  fields: {
    mrz: 'MRZ (the two lines at the bottom of the passport’s data page)',
    mrzHint: 'Paste or type both lines; the fields below are filled and their check digits verified.',
    surname: 'Surname',
    givenNames: 'Given names',
    nationality: 'Nationality (3-letter code)',
    issuingState: 'Issuing state (3-letter code)',
    documentNumber: 'Passport number',
    birthDate: 'Date of birth',
    sex: 'Sex',
    sexM: 'Male',
    sexF: 'Female',
    sexX: 'Unspecified',
    expiresOn: 'Valid until',
    readMrz: 'Read the MRZ',
  },
  departure: {
    title: 'Record a foreigner’s departure',
    lead: 'Find the foreigner by the passport shown, then record the day and place they left. Their overstay closes with its final days.',
    documentNumber: 'Passport number',
    nationality: 'Nationality (3-letter code)',
    nationalityHint: 'As in the passport, e.g. AUS or D<<.',
    birthDate: 'Date of birth',
    birthDateHint: 'Only when the passport number belongs to more than one person.',
    departedOn: 'Departure date',
    place: 'Place of departure',
    placeHint: 'For example Bandara El Tari or PLBN Motaain.',
    submit: 'Record the departure',
    recorded: 'The departure is recorded.',
  },
};
