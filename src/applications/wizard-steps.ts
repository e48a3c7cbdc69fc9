import type { Application } from './schema.ts';

/** The wizard's pages in order: one question each (a follow-up question shares its page, e.g. the PMI number). */
export const wizardSteps = [
  'office',
  'nik',
  'name',
  'birth',
  'sex',
  'marital',
  'address',
  'phone',
  'email',
  'kind',
  'type',
  'validity',
  'speed',
  'purpose',
  'documents',
] as const;
export type WizardStep = (typeof wizardSteps)[number];

/** The address page's region picker is named "home": its selects are home_province … home_village. */
export const regionPickerName = 'home';

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
  if (step === 'address')
    return { address: String(body.address), villageCode: String(body[`${regionPickerName}_village`]) };
  return Object.fromEntries(Object.entries(body).filter(([k]) => !k.startsWith('_')));
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
export const stepPath = (applicationId: string, step: WizardStep, change = false) =>
  `/applications/${applicationId}/steps/${step}${change ? '?change=1' : ''}`;
