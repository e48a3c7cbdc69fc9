import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { blankAsMissing, isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import { readTravelDocumentMrz } from './read-travel-document-mrz.ts';
import { sexes } from './schema.ts';

const icaoCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z<]{3}$/, 'foreigners.v.countryCode');
const mrzName = (max: number) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .max(max, 'v.tooLong')
    .regex(/^[A-Z' -]*$/, 'foreigners.v.latinName');

/** A travel document's fields as a person types them, or as its MRZ fills them (see `withMrz`). */
export const travelDocumentFields = {
  surname: mrzName(39).pipe(z.string().min(1, 'v.required')),
  givenNames: mrzName(39).default(''),
  nationality: icaoCode,
  issuingState: icaoCode,
  documentNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,15}$/, 'foreigners.v.documentNumber'),
  birthDate: isoDateField.refine((d) => d <= witaDate(), 'foreigners.v.birthInFuture'),
  sex: z.enum(sexes, { error: 'v.choose' }),
  expiresOn: isoDateField.nullish(),
};

/** The message for an MRZ that does not read: not an MRZ at all, or one whose check digits fail. */
export const mrzErrorKey = (reason: 'format' | 'check') =>
  reason === 'format' ? 'foreigners.v.mrzFormat' : 'foreigners.v.mrzCheck';

/**
 * The document's MRZ, typed or pasted (both lines), fills every field it holds; a field the person typed as well is
 * overwritten, since the MRZ's check digits vouch for it. An MRZ that does not read is the `mrz` field's error.
 */
export function withMrz<T extends z.ZodType>(schema: T) {
  return z.preprocess((input, ctx) => {
    if (!input || typeof input !== 'object') return input;
    const value = input as Record<string, unknown>;
    const mrz = typeof value.mrz === 'string' ? value.mrz.trim() : '';
    if (mrz === '') return input;
    const reading = readTravelDocumentMrz(mrz, witaDate());
    if (!reading.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['mrz'],
        message: mrzErrorKey(reading.reason),
        input: mrz,
      });
      return input;
    }
    return { ...value, ...reading.fields };
  }, schema);
}

export const TravelDocumentInput = withMrz(
  z.object({
    mrz: z.string().max(200, 'v.tooLong').optional().describe('Both MRZ lines; fills the fields below when given'),
    ...travelDocumentFields,
  }),
);
export type TravelDocumentInput = z.output<typeof TravelDocumentInput>;

export const ForeignerParams = z.object({ id: z.uuid() });

const DocumentJson = z.object({
  nationality: z.string(),
  number: z.string(),
  issuingState: z.string(),
  expiresOn: z.string().nullable(),
  firstSeenAt: z.date(),
});
export const ForeignerDocumentsJson = z.object({
  id: z.string(),
  nationality: z.string(),
  birthDate: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  sex: z.enum(sexes),
  documents: z.array(DocumentJson),
});
export const ForeignerJson = ForeignerDocumentsJson.extend({
  departures: z.array(z.object({ departedOn: z.string(), place: z.string(), unitCode: z.string() })),
  permits: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      permitNumber: z.string().nullable(),
      validFrom: z.string(),
      validUntil: z.string(),
      status: z.string(),
      unitCode: z.string(),
    }),
  ),
  stays: z.array(
    z.object({
      id: z.string(),
      lodgingName: z.string(),
      regencyCode: z.string(),
      checkInAt: z.date(),
      checkOutAt: z.date().nullable(),
    }),
  ),
});

export const requiredPlace = requiredText(120);

export const DepartureBody = z.object({
  departedOn: isoDateField.describe('The WITA day the person left'),
  place: requiredPlace.describe('Where they left from, e.g. "Bandara El Tari"'),
  requestId: requestIdField,
});
export const DepartureForm = z.object({
  nationality: icaoCode,
  documentNumber: travelDocumentFields.documentNumber,
  birthDate: blankAsMissing(isoDateField),
  departedOn: isoDateField,
  place: requiredPlace,
  requestId: requestIdField,
});
export const DepartureJson = z.object({
  id: z.string(),
  foreignerId: z.string(),
  departedOn: z.string(),
  place: z.string(),
  unitCode: z.string(),
  recordedAt: z.date(),
});
