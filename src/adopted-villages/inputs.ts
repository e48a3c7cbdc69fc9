import { z } from 'zod';
import { blankAsMissing, isoDateField, periodOfAtMost, requestIdField } from '../platform/http/fields.ts';
import { villageCodeField } from '../regions/inputs.ts';
import { activityKinds, activityStatuses, selectionReasons } from './schema.ts';
import { activitySteps } from './workflow.ts';

export const VillageParams = z.object({ code: villageCodeField() });
export const RegencyParams = z.object({
  regencyCode: z
    .string()
    .trim()
    .regex(/^\d{2}\.\d{2}$/),
});
export const ActivityParams = z.object({ code: villageCodeField(), id: z.uuid() });
export const OfficerParams = z.object({ code: villageCodeField(), officerId: z.uuid() });

const optionalDate = blankAsMissing(isoDateField);
const optionalText = (max: number) => z.string().trim().max(max, 'v.tooLong').optional().default('');
/** Checkbox lists arrive as one string for one box and an array for more. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(item),
  );
export const idList = listOf(z.uuid());
/** Topics: a list from the API, one a line from the form. */
const topicsField = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().trim().min(1, 'v.required').max(200, 'v.tooLong')).max(20, 'v.tooLong'),
);
/**
 * A count of people: a whole number from the API (null, true or a fraction refused; left out is "not given"), and
 * the form's digits turned into one (an empty field is "not given"). Nothing else is coerced.
 */
const peopleField = blankAsMissing(
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z.number({ error: 'v.number' }).int('v.number').min(0, 'v.number').max(100_000, 'v.number'),
  ),
);

/** What the register keeps of an adoption (the village and its office are fixed once adopted). */
export const VillageFields = {
  decreeNumber: blankAsMissing(z.string().trim().max(120, 'v.tooLong')),
  decreeDate: optionalDate,
  reasons: listOf(z.enum(selectionReasons, { error: 'v.choose' })).refine((r) => r.length > 0, 'v.choose'),
  reasonNote: optionalText(1000),
  adoptedOn: isoDateField,
};
export const AdoptBody = z.object({
  villageCode: villageCodeField(),
  unitCode: z.string().trim().min(1, 'v.choose').max(40, 'v.invalid'),
  ...VillageFields,
});
export type AdoptInput = z.infer<typeof AdoptBody>;
export const EditBody = z.object(VillageFields);
export type EditInput = z.infer<typeof EditBody>;
export const EndBody = z.object({ endedOn: isoDateField });

/** A PIMPASA: an officer of the village's office, the work phone villagers may call, from a day (until a day). */
export const OfficerBody = z.object({
  officerId: z.uuid({ error: 'v.choose' }),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{5,22}$/, 'v.phone'),
  since: isoDateField,
  until: optionalDate,
});
export type OfficerInput = z.infer<typeof OfficerBody>;

export const ActivityBody = z.object({
  kind: z.enum(activityKinds, { error: 'v.choose' }),
  heldOn: isoDateField,
  topics: topicsField.optional().default([]),
  officerIds: idList.optional().default([]),
  peopleReached: peopleField,
  note: optionalText(2000),
  requestId: requestIdField,
});
export type ActivityInput = z.infer<typeof ActivityBody>;

export const ActivityActionBody = z.object({
  step: z.enum(activitySteps, { error: 'v.choose' }),
  peopleReached: peopleField,
  topics: topicsField.optional(),
  note: optionalText(2000),
  requestId: requestIdField,
});
export type ActivityActionInput = z.infer<typeof ActivityActionBody>;

/** The office's period: a year at most, the current month by default. */
export const PeriodQuery = z
  .object({ from: optionalDate, to: optionalDate })
  .refine((p) => !p.from || !p.to || periodOfAtMost(366)({ from: p.from, to: p.to }), {
    message: 'adoptedVillages.v.period',
    path: ['to'],
  });

export const ListQuery = z.object({
  regencyCode: z
    .string()
    .trim()
    .regex(/^\d{2}\.\d{2}$/)
    .optional()
    .describe('Only this regency (kabupaten/kota code, 53.14)'),
  unitCode: z.string().trim().max(40).optional().describe('Only villages of this office (GET /api/v1/units)'),
});

export const VillageJson = z.object({
  villageCode: z.string(),
  village: z.string(),
  district: z.string().describe('Kecamatan'),
  regencyCode: z.string(),
  regency: z.string(),
  unitCode: z.string(),
  office: z.object({ name: z.string(), address: z.string(), phone: z.string().nullable() }),
  decreeNumber: z.string().nullable().describe('The decree (SK) handed to the village; null where not published'),
  decreeDate: z.string().nullable(),
  reasons: z.array(z.enum(selectionReasons)),
  reasonNote: z.string(),
  adoptedOn: z.string(),
  endedOn: z.string().nullable(),
  officers: z
    .array(z.object({ name: z.string(), phone: z.string() }))
    .describe('The resident officers (PIMPASA) today: name and work phone only'),
});

export const ActivityJson = z.object({
  id: z.string(),
  villageCode: z.string(),
  unitCode: z.string(),
  kind: z.enum(activityKinds),
  status: z.enum(activityStatuses),
  heldOn: z.string(),
  topics: z.array(z.string()),
  peopleReached: z.number().nullable(),
  note: z.string(),
});
