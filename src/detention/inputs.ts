import { z } from 'zod';
import { TravelDocumentInput, travelDocumentFields, withMrz } from '../foreigners/inputs.ts';
import { blankAsMissing, csrfField, isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import {
  blocks,
  detaineeStatuses,
  placementReasons,
  refugeeStatuses,
  refugeeUnhcrStatuses,
  releaseReasons,
} from './schema.ts';

const text = requiredText(200);
const optionalText = blankAsMissing(z.string().trim().max(200, 'v.tooLong'));
const monthField = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'detention.v.month');
const quantity = z.coerce
  .number({ error: 'detention.v.quantity' })
  .int('detention.v.quantity')
  .min(1, 'detention.v.quantity')
  .max(10_000, 'detention.v.quantity');
const unitField = z.string().trim().min(1, 'v.required').max(40, 'v.tooLong');

export const PropertyItem = z.object({ item: requiredText(120), quantity });

/** The placement decision (Pasal 84) and the hand-over record, as the API and the page both send them. */
const placementFields = {
  unitCode: unitField.default('RUDENIM-KUPANG').describe('The detention unit giving the bed'),
  authorityUnitCode: unitField.describe('The Rudenim itself, or the Kantor Imigrasi placing the person "titipan"'),
  reason: z.enum(placementReasons, { error: 'v.choose' }).describe('UU 6/2011 Pasal 83(1) a–e'),
  place: text.describe('Where the person is held, as the decision names it'),
  decisionNumber: requiredText(80),
  decisionDate: isoDateField,
  signedBy: text.describe('The head of the Rudenim or of the placing office who signed the decision'),
  caseRef: optionalText.describe('The administrative action case this placement serves'),
  placedOn: isoDateField,
  handedByAgency: text.describe('The agency handing the person over (berita acara serah terima)'),
  handedByOfficer: text,
  handedOn: isoDateField,
  block: z.enum(blocks, { error: 'v.choose' }),
  room: optionalText,
  requestId: requestIdField,
};

export const PlacementBody = z
  .object({
    ...placementFields,
    foreignerId: z.uuid().optional().describe('A person already in the foreigners register'),
    document: TravelDocumentInput.optional().describe('Or the travel document (MRZ or typed) to register them from'),
    property: z.array(PropertyItem).max(100, 'v.tooLong').default([]).describe('Property deposited at intake'),
  })
  .refine((b) => !!b.foreignerId !== !!b.document, { path: ['foreignerId'], message: 'detention.v.personOnce' });
export type PlacementBody = z.output<typeof PlacementBody>;

/** Property typed one item a line as "quantity item" (e.g. "1 handphone"). */
const propertyLines = z
  .string()
  .max(4000, 'v.tooLong')
  .default('')
  .transform((value, ctx) => {
    const items: { item: string; quantity: number }[] = [];
    for (const line of value.split(/\r?\n/).map((l) => l.trim())) {
      if (line === '') continue;
      const match = /^(\d{1,4})\s+(.{1,120})$/.exec(line);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: 'detention.v.propertyLine', input: line });
        return z.NEVER;
      }
      items.push({ quantity: Number(match[1]), item: match[2]!.trim() });
    }
    return items;
  });

export const PlacementForm = withMrz(
  z.object({
    mrz: z.string().max(200, 'v.tooLong').optional(),
    ...travelDocumentFields,
    ...placementFields,
    property: propertyLines,
    ...csrfField,
  }),
);

export const DetaineeParams = z.object({ id: z.uuid() });

const on = isoDateField.describe('The WITA day it happened');
const withRequest = { requestId: requestIdField };
export const DetaineeActionBody = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('move'),
    block: z.enum(blocks, { error: 'v.choose' }),
    room: optionalText,
    ...withRequest,
  }),
  z.object({ step: z.literal('property_in'), item: requiredText(120), quantity, on, ...withRequest }),
  z.object({ step: z.literal('property_out'), item: requiredText(120), quantity, on, ...withRequest }),
  z.object({
    step: z.literal('health_check'),
    on,
    examiner: text,
    findings: requiredText(1000),
    ...withRequest,
  }),
  z.object({
    step: z.literal('visit'),
    visitorName: text,
    relation: text,
    on,
    time: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'detention.v.time'),
    ...withRequest,
  }),
  z
    .object({ step: z.literal('leave'), from: isoDateField, to: isoDateField, reason: text, ...withRequest })
    .refine((b) => b.from <= b.to, { path: ['to'], message: 'detention.v.period' }),
  z.object({ step: z.literal('return'), on, ...withRequest }),
  z.object({ step: z.literal('review'), on, note: text, ...withRequest }),
  z.object({ step: z.literal('transfer'), on, to: text.describe('The detention place or unit'), ...withRequest }),
  z.object({
    step: z.literal('release'),
    on,
    reason: z
      .enum(releaseReasons, { error: 'v.choose' })
      .exclude(['transferred', 'deported'])
      .describe('A deportation ends the detention through enforcement, which records the departure'),
    reference: optionalText.describe('The deportation case, or the conditions of a release after the limit'),
    ...withRequest,
  }),
]);
export type DetaineeActionBody = z.output<typeof DetaineeActionBody>;

export const DetaineeFilter = z.object({
  status: blankAsMissing(z.enum(detaineeStatuses, { error: 'v.choose' })),
});

export const OccupancyQuery = z.object({
  unit: unitField.default('RUDENIM-KUPANG'),
  on: blankAsMissing(isoDateField).describe('The WITA day; today when not given'),
});

const refugeeFields = {
  unitCode: unitField.default('RUDENIM-KUPANG').describe('The Rudenim overseeing the refugee'),
  unhcrStatus: z.enum(refugeeUnhcrStatuses, { error: 'v.choose' }),
  unhcrNumber: requiredText(40),
  shelter: requiredText(120).describe('e.g. Lavender, Kupang Inn, Ina Boi'),
  cardNumber: requiredText(40).describe('The identity card the Rudenim issued (Perpres 125/2016 Pasal 35)'),
  firstMonth: monthField.describe(
    'The first month a self-report is owed (YYYY-MM): not in the future, at most 12 months before registration',
  ),
  requestId: requestIdField,
};
export const RefugeeBody = z
  .object({
    ...refugeeFields,
    foreignerId: z.uuid().optional(),
    document: TravelDocumentInput.optional(),
  })
  .refine((b) => !!b.foreignerId !== !!b.document, { path: ['foreignerId'], message: 'detention.v.personOnce' });
export type RefugeeBody = z.output<typeof RefugeeBody>;
export const RefugeeForm = withMrz(
  z.object({
    mrz: z.string().max(200, 'v.tooLong').optional(),
    ...travelDocumentFields,
    ...refugeeFields,
    ...csrfField,
  }),
);

export const RefugeeParams = z.object({ id: z.uuid() });
export const ReportBody = z.object({
  month: monthField.describe('The month stamped (YYYY-MM): the month of the report day'),
  reportedOn: blankAsMissing(isoDateField).describe(
    'The day the refugee appeared; today when not given. This month, or last month during the first 5 days',
  ),
  requestId: requestIdField,
});
export const RefugeeActionBody = z.object({
  step: z.enum(['resettle', 'voluntary_return', 'detain', 'decease', 'abscond'], { error: 'v.choose' }),
  on,
  note: optionalText,
  requestId: requestIdField,
});
export const RefugeeFilter = z.object({
  status: blankAsMissing(z.enum(refugeeStatuses, { error: 'v.choose' })),
});

export const DetaineeJson = z.object({
  id: z.string(),
  foreignerId: z.string(),
  person: z.object({ surname: z.string(), givenNames: z.string(), nationality: z.string() }).nullable(),
  unitCode: z.string(),
  authorityUnitCode: z.string(),
  status: z.enum(detaineeStatuses),
  reason: z.enum(placementReasons),
  decisionNumber: z.string(),
  placedOn: z.string(),
  firstPlacedOn: z.string().nullable().describe('The first placement day of a detention carried on across transfers'),
  block: z.enum(blocks),
  room: z.string().nullable(),
  days: z.number().int().describe('Days held, the placement day and today (or the release day) included'),
  limitOn: z.string().describe('The day Pasal 85’s limit is reached'),
  reviewDueOn: z.string().nullable(),
  releasedOn: z.string().nullable(),
  releaseReason: z.enum(releaseReasons).nullable(),
  caseRef: z.string().nullable(),
});
export const DetaineeListJson = z.array(DetaineeJson);
export const DetaineeDetailJson = DetaineeJson.extend({
  property: z.array(z.object({ item: z.string(), quantity: z.number().int() })),
  history: z.array(z.object({ type: z.string(), at: z.date(), payload: z.record(z.string(), z.unknown()) })),
});

export const OccupancyJson = z.object({
  unitCode: z.string(),
  on: z.string(),
  total: z.number().int(),
  byBlock: z.record(
    z.string(),
    z.object({ men: z.number(), women: z.number(), children: z.number(), other: z.number() }),
  ),
  byNationality: z.record(z.string(), z.number()),
  byAuthority: z.record(z.string(), z.number()),
});

export const RefugeeJson = z.object({
  id: z.string(),
  foreignerId: z.string(),
  person: z.object({ surname: z.string(), givenNames: z.string(), nationality: z.string() }).nullable(),
  unitCode: z.string(),
  unhcrStatus: z.enum(refugeeUnhcrStatuses),
  unhcrNumber: z.string(),
  shelter: z.string(),
  cardNumber: z.string(),
  status: z.enum(refugeeStatuses),
  firstMonth: z.string(),
  reportedMonths: z.array(z.string()),
});
export const RefugeeListJson = z.array(RefugeeJson);
