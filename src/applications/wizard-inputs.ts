import { z } from 'zod';
import { ApplicationBody, familyNameField, familyNameRule } from './inputs.ts';
import { regionPickerName, type WizardStep } from './wizard-steps.ts';

const f = ApplicationBody.shape;
const optional = z.string().max(20).optional();

const AddressBody = z
  .object({
    address: z.string().trim().max(300, 'v.tooLong').default(''),
    home_province: optional,
    home_regency: optional,
    home_district: optional,
    home_village: optional,
    /** Set by the picker's "show the next choices" button (no JavaScript): show the page again, save nothing. */
    _refresh: z.string().max(20).optional(),
  })
  .superRefine((body, ctx) => {
    if (body._refresh) return;
    if (!body.address) ctx.addIssue({ code: 'custom', path: ['address'], message: 'v.required' });
    if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(body.home_village ?? ''))
      ctx.addIssue({ code: 'custom', path: [regionPickerName], message: 'v.village' });
  });

/** Each page's form body, parsed by its route; the API's field rules, so the wizard and the API agree. */
export const stepBodies = {
  office: z.object({ unitCode: z.string({ error: 'v.unit' }).trim().min(1, 'v.unit').max(40, 'v.unit') }),
  // People copy NIKs with spaces or dots between the groups of digits.
  nik: z.object({
    nik: z
      .string({ error: 'v.required' })
      .transform((s) => s.replace(/[\s.-]/g, ''))
      .pipe(f.nik),
  }),
  name: z.object({ fullName: f.fullName, familyName: familyNameField.default('') }).superRefine(familyNameRule),
  birth: z.object({ birthPlace: f.birthPlace, birthDate: f.birthDate }),
  sex: z.object({ sex: f.sex }),
  marital: z.object({ maritalStatus: f.maritalStatus }),
  address: AddressBody,
  phone: z.object({ phone: f.phone }),
  email: z.object({ email: f.email }),
  kind: z.object({ kind: f.kind, oldPassportNumber: f.oldPassportNumber.transform((v) => v?.toUpperCase() ?? null) }),
  type: z.object({ passportType: f.passportType }),
  validity: z.object({
    validityYears: z.enum(['5', '10'], { error: 'v.choose' }).transform((v) => (v === '10' ? 10 : 5)),
  }),
  speed: z.object({ speed: f.speed }),
  purpose: z.object({ purpose: f.purpose, pmiRecommendationNumber: f.pmiRecommendationNumber }),
  documents: z.object({}),
} satisfies Record<WizardStep, z.ZodType>;
