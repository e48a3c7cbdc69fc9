import { z } from 'zod';
import { villageCodeField } from '../regions/inputs.ts';
import { blankAsMissing, csrfField, isoDateField, requestIdField } from '../platform/http/fields.ts';
import { tipChannels, tipKinds, tipOutcomes, tipStatuses, warningKinds, warningStatuses } from './schema.ts';
import { handOverTargets, tipSteps, warningSteps } from './workflow.ts';

const optionalText = (max: number) => z.string().trim().max(max, 'v.tooLong').nullish();
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'v.choose' });
const villageCode = villageCodeField('v.village').describe('Kemendagri village code, e.g. `53.04.09.2001`');

/** A question or a tip: the same fields for the API and the page (which sends its region picker apart). */
export const TipBody = z.object({
  requestId: requestIdField,
  channel: choice(tipChannels)
    .optional()
    .describe('`web` unless an officer (the village PIMPASA or staff of the office) types in what a villager told'),
  kind: choice(tipKinds),
  villageCode: villageCode.nullish().describe('the village it is about or comes from; decides the office'),
  description: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(4000, 'v.tooLong'),
  subjectName: optionalText(120).describe('whom it is about: a recruiter, a person planning to leave'),
  anonymous: z.boolean().optional(),
  reporterName: optionalText(120),
  reporterPhone: optionalText(30),
  reporterEmail: z.string().trim().max(254, 'v.tooLong').pipe(z.email('v.email')).nullish(),
});

export const FilingResult = z.object({ trackingCode: z.string(), secret: z.string() });

export const FollowResult = z.object({
  trackingCode: z.string(),
  kind: z.enum(tipKinds),
  status: z.enum(tipStatuses),
  unitCode: z.string(),
  receivedAt: z.date(),
  answers: z.array(z.object({ at: z.date(), text: z.string() })),
});

export const TipListQuery = z.object({
  unit: z.string().trim().max(40).optional(),
  status: z.enum(tipStatuses).optional(),
});

export const TipActionBody = z.object({
  ...csrfField,
  requestId: requestIdField,
  step: choice(tipSteps),
  text: z.string().trim().max(4000, 'v.tooLong').optional(),
  credible: blankAsMissing(choice(['yes', 'no'] as const)).describe('triage: whether the tip is credible'),
  handedTo: blankAsMissing(choice(handOverTargets)),
  outcome: blankAsMissing(choice(tipOutcomes)),
});

export const RevealBody = z.object({
  ...csrfField,
  reason: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(500, 'v.tooLong'),
});

export const ReporterJson = z.object({
  anonymous: z.boolean(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  hasAccount: z.boolean(),
  recordedBy: z.string().nullable(),
});

/** A warning raised from a tip or directly; which fields it needs depends on its kind (checked by `raiseWarning`). */
export const WarningBody = z.object({
  ...csrfField,
  requestId: requestIdField,
  kind: choice(warningKinds),
  summary: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(1000, 'v.tooLong'),
  tipId: blankAsMissing(z.uuid('v.invalid')),
  nik: blankAsMissing(
    z
      .string()
      .trim()
      .regex(/^\d{16}$/, 'v.nikFormat'),
  ),
  personName: blankAsMissing(z.string().trim().max(120, 'v.tooLong')),
  birthDate: blankAsMissing(isoDateField),
  recruiterName: blankAsMissing(z.string().trim().max(120, 'v.tooLong')),
  areaCode: blankAsMissing(
    z
      .string()
      .trim()
      .regex(/^\d{2}\.\d{2}(\.\d{2}\.\d{4})?$/, 'v.invalid')
      .describe('a village code (`53.04.09.2001`) or a regency code (`53.04`)'),
  ),
  expiresOn: blankAsMissing(isoDateField),
});

export const WarningActionBody = z.object({
  ...csrfField,
  requestId: requestIdField,
  step: choice(warningSteps),
  text: z.string().trim().max(2000, 'v.tooLong').optional(),
});

export const WarningListQuery = z.object({ status: z.enum(warningStatuses).optional() });
