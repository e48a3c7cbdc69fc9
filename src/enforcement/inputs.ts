import { z } from 'zod';
import { blankAsMissing, isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import type { CaseStepInput } from './case-steps.ts';
import { caseSources, caseStatuses, measureTypes } from './schema.ts';
import { caseSteps, fieldSteps } from './workflow.ts';

const longText = requiredText(4000);
const shortText = requiredText(200);
const optionalText = (max: number) => blankAsMissing(z.string().trim().max(max, 'v.tooLong'));
const measureType = z.enum(measureTypes, { error: 'v.choose' });

export const CaseParams = z.object({ id: z.uuid() });
export const CaseFilter = z.object({
  status: blankAsMissing(z.enum(caseStatuses, { error: 'v.choose' })),
  unit: blankAsMissing(z.string().trim().max(40, 'v.tooLong')).describe('A unit code in the officer’s scope'),
});

/** The cases page: the filter, and a source another page links to, filled into the form that opens a case. */
export const CasesPageQuery = CaseFilter.extend({
  sourceKind: blankAsMissing(z.enum(caseSources, { error: 'v.choose' })),
  sourceRef: optionalText(200),
});

/** Opening a case, from the page's form or the API: the source, the person (from the register) and the grounds. */
export const OpenCaseBody = z.object({
  unitCode: shortText.describe('The unit that handles the case, in the officer’s scope'),
  sourceKind: z.enum(caseSources, { error: 'v.choose' }),
  sourceRef: shortText.describe(
    'The finding’s, overstay’s or crossing’s id, or a report’s letter or complaint reference',
  ),
  foreignerId: blankAsMissing(z.uuid({ error: 'v.invalid' })).describe(
    'The person in the foreigners register; taken from an overstay or a crossing',
  ),
  grounds: longText.describe('What the person is suspected of (Pasal 75(1))'),
  requestId: requestIdField,
});

const MeasureJson = z.object({
  type: measureType,
  basis: optionalText(500).describe('Legal basis in words; the action’s article of Pasal 75(2) when left out'),
  detail: optionalText(500).describe('The place (c, d), the permit change (b) or the charge (e) in words'),
  validUntil: blankAsMissing(isoDateField).describe(
    'Last day (WITA): an entry ban’s, within the ban rule in force; the longest it allows when left out',
  ),
  permitId: blankAsMissing(z.uuid({ error: 'v.invalid' })).describe('The stay permit a permit action (b) cancels'),
});

const DeportationJson = z.object({
  departOn: isoDateField,
  carrier: shortText,
  ticketNumber: shortText,
  flightOrVessel: optionalText(200),
  crossingPointCode: shortText.describe('The crossing point or airport (GET /api/v1/crossing-points)'),
  escorts: z.array(shortText).min(1, 'v.required').max(10, 'v.tooLong'),
  embassy: shortText.describe('The embassy or consulate notified'),
  letterNumber: shortText.describe('The number of the letter to the embassy'),
});

/** A step on a case over the API, named by `step`, with the fields that step takes. */
export const CaseActionBody = z
  .discriminatedUnion('step', [
    z.object({
      step: z.literal('examine'),
      examinedOn: isoDateField,
      examiner: shortText,
      place: shortText,
      statement: longText,
    }),
    z.object({ step: z.literal('opine'), opinion: longText, proposed: z.array(measureType).min(1, 'v.required') }),
    z.object({
      step: z.literal('decide'),
      decisionNumber: shortText,
      decidedOn: blankAsMissing(isoDateField),
      measures: z.array(MeasureJson).min(1, 'v.required').max(6, 'v.tooLong'),
    }),
    z.object({
      step: z.literal('execute'),
      measureId: z.uuid({ error: 'v.invalid' }),
      note: optionalText(1000),
      deportation: DeportationJson.optional(),
    }),
    z.object({ step: z.literal('close'), note: optionalText(1000) }),
    z.object({ step: z.literal('closePaid') }),
    z.object({ step: z.literal('withdraw'), reason: requiredText(1000) }),
  ])
  .and(z.object({ requestId: requestIdField }));

/** Checkboxes send nothing, one value or several. */
const listOf = (v: unknown): unknown[] =>
  Array.isArray(v) ? (v as unknown[]) : v === undefined || v === '' ? [] : [v];
const perMeasure = Object.fromEntries(
  measureTypes.flatMap((m) => [
    [`basis_${m}`, optionalText(500)],
    [`detail_${m}`, optionalText(500)],
    [`until_${m}`, blankAsMissing(isoDateField)],
  ]),
) as Record<string, z.ZodType<string | undefined>>;

/** The fields each step's page form must fill. */
const required: Record<(typeof fieldSteps)[number], readonly string[]> = {
  examine: ['examinedOn', 'examiner', 'place', 'statement'],
  opine: ['opinion', 'measure'],
  decide: ['decisionNumber', 'measure'],
  execute: ['measureId'],
  close: [],
  closePaid: [],
  withdraw: ['reason'],
};
const deportationFields = [
  'departOn',
  'carrier',
  'ticketNumber',
  'crossingPointCode',
  'escorts',
  'embassy',
  'letterNumber',
];

/**
 * A step's page form: every step's fields in one flat form (checkboxes for the actions, one set of fields per
 * action, escorts one per line), refused per field as the API refuses them, then turned into the API's shape.
 */
export const CaseActionForm = z
  .object({
    step: z.enum(fieldSteps),
    requestId: requestIdField,
    examinedOn: blankAsMissing(isoDateField),
    examiner: optionalText(200),
    place: optionalText(200),
    statement: optionalText(4000),
    opinion: optionalText(4000),
    measure: z.preprocess(listOf, z.array(measureType).max(6)),
    decisionNumber: optionalText(200),
    decidedOn: blankAsMissing(isoDateField),
    permitId: blankAsMissing(z.uuid({ error: 'v.invalid' })),
    ...perMeasure,
    measureId: blankAsMissing(z.uuid({ error: 'v.invalid' })),
    note: optionalText(1000),
    reason: optionalText(1000),
    departOn: blankAsMissing(isoDateField),
    carrier: optionalText(200),
    ticketNumber: optionalText(200),
    flightOrVessel: optionalText(200),
    crossingPointCode: optionalText(200),
    escorts: optionalText(2000),
    embassy: optionalText(200),
    letterNumber: optionalText(200),
  })
  .superRefine((form, ctx) => {
    const f = form as Record<string, unknown>;
    const given = (k: string) => (Array.isArray(f[k]) ? (f[k] as unknown[]).length > 0 : f[k] !== undefined);
    const needed = [...required[form.step]];
    if (form.step === 'execute' && deportationFields.some(given)) needed.push(...deportationFields);
    for (const k of needed) if (!given(k)) ctx.addIssue({ code: 'custom', path: [k], message: 'v.required' });
  })
  .transform((form): CaseStepInput & { requestId?: string } => {
    const f = form as unknown as Record<string, string | undefined>;
    const base = { requestId: form.requestId };
    switch (form.step) {
      case 'examine':
        return {
          ...base,
          step: 'examine',
          examinedOn: form.examinedOn!,
          examiner: form.examiner!,
          place: form.place!,
          statement: form.statement!,
        };
      case 'opine':
        return { ...base, step: 'opine', opinion: form.opinion!, proposed: form.measure };
      case 'decide':
        return {
          ...base,
          step: 'decide',
          decisionNumber: form.decisionNumber!,
          decidedOn: form.decidedOn,
          measures: form.measure.map((type) => ({
            type,
            basis: f[`basis_${type}`],
            detail: f[`detail_${type}`],
            validUntil: f[`until_${type}`],
            permitId: type === 'permit' ? form.permitId : undefined,
          })),
        };
      case 'execute':
        return {
          ...base,
          step: 'execute',
          measureId: form.measureId!,
          note: form.note,
          deportation: form.departOn
            ? {
                departOn: form.departOn,
                carrier: form.carrier!,
                ticketNumber: form.ticketNumber!,
                flightOrVessel: form.flightOrVessel,
                crossingPointCode: form.crossingPointCode!,
                escorts: form
                  .escorts!.split(/\r?\n/)
                  .map((s) => s.trim())
                  .filter(Boolean),
                embassy: form.embassy!,
                letterNumber: form.letterNumber!,
              }
            : null,
        };
      case 'close':
        return { ...base, step: 'close', note: form.note };
      case 'closePaid':
        return { ...base, step: 'closePaid' };
      case 'withdraw':
        return { ...base, step: 'withdraw', reason: form.reason! };
    }
  });

const MeasureOut = z.object({
  id: z.string(),
  type: z.enum(measureTypes),
  basis: z.string(),
  detail: z.string().nullable(),
  validUntil: z.string().nullable(),
  permitId: z.string().nullable(),
  watchlistEntryId: z.string().nullable(),
  executedAt: z.date().nullable(),
});
export const CaseJson = z.object({
  id: z.string(),
  unitCode: z.string(),
  foreignerId: z.string(),
  nationality: z.string(),
  person: z.object({ surname: z.string(), givenNames: z.string() }).nullable(),
  sourceKind: z.enum(caseSources),
  sourceRef: z.string(),
  grounds: z.string(),
  status: z.enum(caseStatuses),
  openedAt: z.date(),
  examinedOn: z.string().nullable(),
  opinion: z.string().nullable(),
  proposed: z.array(z.enum(measureTypes)).nullable(),
  decisionNumber: z.string().nullable(),
  decidedOn: z.string().nullable(),
  closingNote: z.string().nullable(),
});
export const CaseListJson = z.array(CaseJson);
export const CaseDetailJson = CaseJson.extend({
  overstayPaid: z.boolean().describe('The overstay the case comes from is paid in full: the case may close'),
  steps: z.array(z.enum(caseSteps)).describe('The steps the caller may take now'),
  measures: z.array(MeasureOut),
  actions: z.array(z.object({ type: z.string(), at: z.date(), actorId: z.string().nullable() })),
  deportation: z
    .object({
      id: z.string(),
      departOn: z.string(),
      carrier: z.string(),
      ticketNumber: z.string(),
      flightOrVessel: z.string().nullable(),
      crossingPointCode: z.string(),
      escorts: z.array(z.string()),
      embassy: z.string(),
      letterNumber: z.string(),
    })
    .nullable(),
});
