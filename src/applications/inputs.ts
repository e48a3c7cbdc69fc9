import { z } from 'zod';
import { isoDateField } from '../platform/http/fields.ts';
import { familyNameFits } from './family-name.ts';
import { applicationKinds, maritalStatuses, passportTypes, speeds, travelPurposes } from './schema.ts';

const text = (max: number) => z.string().trim().min(1, 'v.required').max(max, 'v.tooLong');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'v.tooLong')
    .nullish()
    .transform((v) => (v ? v : null));
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'v.choose' });

/** A stated family name must be a run of whole words of the full name (the MRZ writes it first). */
/** The family-name part of a name as typed: '' for a name without one. The wizard, the API and the counter ask it. */
export const familyNameField = z.string().trim().max(120, 'v.tooLong');

export function familyNameRule(body: { fullName?: string; familyName?: string | null }, ctx: z.RefinementCtx): void {
  if (body.fullName && body.familyName && !familyNameFits(body.fullName, body.familyName))
    ctx.addIssue({ code: 'custom', path: ['familyName'], message: 'v.familyNameNotInName' });
}

export const ApplicationBody = z
  .object({
    unitCode: text(40),
    nik: z
      .string()
      .trim()
      .regex(/^\d{16}$/, 'v.nikFormat'),
    fullName: text(120),
    /** The family-name part of the full name ('' for a name without one; left out: not stated, asked at the counter). */
    familyName: familyNameField.nullish().transform((v) => v ?? null),
    birthPlace: text(80),
    birthDate: isoDateField,
    sex: choice(['F', 'M'] as const),
    maritalStatus: choice(maritalStatuses),
    address: text(300),
    villageCode: z
      .string()
      .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'v.village')
      .nullish()
      .transform((v) => v ?? null),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{8,20}$/, 'v.phone'),
    email: z.string().trim().toLowerCase().max(254, 'v.tooLong').pipe(z.email('v.email')),
    kind: choice(applicationKinds),
    oldPassportNumber: optionalText(20).refine(
      (v) => v === null || /^[A-Z0-9]{6,12}$/.test(v.toUpperCase()),
      'v.passportNumber',
    ),
    passportType: choice(passportTypes),
    validityYears: z.union([z.literal(5), z.literal(10)], { error: 'v.choose' }),
    speed: choice(speeds),
    purpose: choice(travelPurposes),
    pmiRecommendationNumber: optionalText(60),
  })
  .superRefine(familyNameRule);

export const FeeJson = z.object({
  total: z.number().int(),
  currency: z.literal('IDR'),
  items: z.array(z.object({ item: z.string(), amount: z.number().int() })),
  regulation: z.string(),
});

export const ApplicationCreatedJson = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: z.string(),
  fee: FeeJson,
  warnings: z.array(z.string()),
});
