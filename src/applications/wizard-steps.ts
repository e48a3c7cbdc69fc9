import { z } from 'zod';
import { ApplicationBody, familyNameField, familyNameRule } from './api-schemas.ts';
import type { Application } from './schema.ts';

/** The wizard's pages in order: one question each (a follow-up question shares its page, e.g. the PMI number). */
export const wizardSteps = ['office', 'nik', 'name', 'birth', 'sex', 'marital', 'address', 'phone', 'email', 'kind', 'type', 'validity', 'speed', 'purpose', 'documents'] as const;
export type WizardStep = (typeof wizardSteps)[number];

/** The answers a draft holds, i.e. what the wizard writes into an `applications` row. */
export type DraftAnswers = Partial<
  Pick<
    Application,
    | 'unitCode'
    | 'nik'
    | 'fullName'
    | 'familyName'
    | 'birthPlace'
    | 'birthDate'
    | 'sex'
    | 'maritalStatus'
    | 'address'
    | 'villageCode'
    | 'phone'
    | 'email'
    | 'kind'
    | 'oldPassportNumber'
    | 'passportType'
    | 'validityYears'
    | 'speed'
    | 'purpose'
    | 'pmiRecommendationNumber'
  >
>;
export type AnswerField = keyof DraftAnswers;

const f = ApplicationBody.shape;
const optional = z.string().max(20).optional();

/** The address page's region picker is named "home": its selects are home_province … home_village. */
export const regionPickerName = 'home';

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
    if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(body.home_village ?? '')) ctx.addIssue({ code: 'custom', path: [regionPickerName], message: 'v.village' });
  });

/** Each page's form body, parsed by its route; the API's field rules, so the wizard and the API agree. */
export const stepBodies = {
  office: z.object({ unitCode: z.string({ error: 'v.unit' }).trim().min(1, 'v.unit').max(40, 'v.unit') }),
  // People copy NIKs with spaces or dots between the groups of digits.
  nik: z.object({ nik: z.string({ error: 'v.required' }).transform((s) => s.replace(/[\s.-]/g, '')).pipe(f.nik) }),
  name: z.object({ fullName: f.fullName, familyName: familyNameField.default('') }).superRefine(familyNameRule),
  birth: z.object({ birthPlace: f.birthPlace, birthDate: f.birthDate }),
  sex: z.object({ sex: f.sex }),
  marital: z.object({ maritalStatus: f.maritalStatus }),
  address: AddressBody,
  phone: z.object({ phone: f.phone }),
  email: z.object({ email: f.email }),
  kind: z.object({ kind: f.kind, oldPassportNumber: f.oldPassportNumber.transform((v) => v?.toUpperCase() ?? null) }),
  type: z.object({ passportType: f.passportType }),
  validity: z.object({ validityYears: z.enum(['5', '10'], { error: 'v.choose' }).transform((v) => (v === '10' ? 10 : 5)) }),
  speed: z.object({ speed: f.speed }),
  purpose: z.object({ purpose: f.purpose, pmiRecommendationNumber: f.pmiRecommendationNumber }),
  documents: z.object({}),
} satisfies Record<WizardStep, z.ZodType>;

/** The columns each page answers; a page is answered when they are all filled (documents are checked apart). */
export const stepFields: Record<WizardStep, AnswerField[]> = {
  office: ['unitCode'],
  nik: ['nik'],
  name: ['fullName', 'familyName'],
  birth: ['birthPlace', 'birthDate'],
  sex: ['sex'],
  marital: ['maritalStatus'],
  address: ['address', 'villageCode'],
  phone: ['phone'],
  email: ['email'],
  kind: ['kind'],
  type: ['passportType'],
  validity: ['validityYears'],
  speed: ['speed'],
  purpose: ['purpose'],
  documents: [],
};

/** The page that asks for a field, for "change" links and for errors found when the whole draft is checked. */
export function stepOf(field: string): WizardStep {
  if (field === regionPickerName) return 'address';
  if (field === 'oldPassportNumber') return 'kind';
  if (field === 'pmiRecommendationNumber') return 'purpose';
  return wizardSteps.find((step) => (stepFields[step] as string[]).includes(field)) ?? 'documents';
}

/** Turns a page's parsed body into the columns it answers. */
export function answersOf(step: WizardStep, body: Record<string, unknown>): DraftAnswers {
  if (step === 'address') return { address: String(body.address), villageCode: String(body[`${regionPickerName}_village`]) };
  return Object.fromEntries(Object.entries(body).filter(([k]) => !k.startsWith('_'))) as DraftAnswers;
}

export const nextStep = (step: WizardStep): WizardStep | null => wizardSteps[wizardSteps.indexOf(step) + 1] ?? null;
export const previousStep = (step: WizardStep): WizardStep | null => wizardSteps[wizardSteps.indexOf(step) - 1] ?? null;

/** The first page not answered yet ('documents' when only the documents are missing), or null when all are. */
export function firstUnanswered(draft: Application, documentsComplete: boolean): WizardStep | null {
  for (const step of wizardSteps) {
    if (step === 'documents') return documentsComplete ? null : step;
    if (stepFields[step].some((field) => draft[field] === null)) return step;
  }
  return null;
}

/** Where a page lives; `change` brings the applicant back to the check page after saving. */
export const stepPath = (applicationId: string, step: WizardStep, change = false) => `/applications/${applicationId}/steps/${step}${change ? '?change=1' : ''}`;
