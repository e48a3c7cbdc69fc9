import { z } from 'zod';
import { csrfField, periodOfAtMost } from '../platform/http/fields.ts';
import { elementCodes, type ElementCode } from './compute-ikm.ts';
import { surveyServices } from './schema.ts';

/** The respondent profile's choices, as on the regulation's questionnaire (with the diploma levels offices add). */
export const ageGroups = ['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus'] as const;
export const sexes = ['M', 'F'] as const;
export const educationLevels = ['sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'] as const;
export const occupations = ['pns', 'tni', 'polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'] as const;
export const profileChoices = {
  ageGroup: ageGroups,
  sex: sexes,
  education: educationLevels,
  occupation: occupations,
} as const;
export type ProfileField = keyof typeof profileChoices;
export const profileFields = Object.keys(profileChoices) as ProfileField[];

export type Scores = Record<ElementCode, number>;
export type Profile = Partial<Record<ProfileField, string>>;
/** One filled-in questionnaire: a score 1–4 per element, the optional profile and comment. */
export type SurveyAnswers = { scores: Scores; profile?: Profile; comment?: string | null };

const score = z.number({ error: 'v.choose' }).int('v.choose').min(1, 'v.choose').max(4, 'v.choose');
export const ScoresJson = z.object(
  Object.fromEntries(elementCodes.map((c) => [c, score])) as Record<ElementCode, typeof score>,
);
export const ProfileJson = z.object({
  ageGroup: z.enum(ageGroups).optional(),
  sex: z.enum(sexes).optional(),
  education: z.enum(educationLevels).optional(),
  occupation: z.enum(occupations).optional(),
});
export const commentField = z.string().trim().max(2000, 'v.tooLong');
export const SurveyAnswersJson = z.object({
  scores: ScoresJson,
  profile: ProfileJson.optional(),
  comment: commentField.optional(),
});

const formScore = z.enum(['1', '2', '3', '4'], { error: 'v.choose' }).transform(Number);
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal('').transform(() => undefined), z.enum(values, { error: 'v.choose' })]).optional();

const formFields = {
  ...csrfField,
  ...(Object.fromEntries(elementCodes.map((c) => [c, formScore])) as Record<ElementCode, typeof formScore>),
  ageGroup: optionalChoice(ageGroups),
  sex: optionalChoice(sexes),
  education: optionalChoice(educationLevels),
  occupation: optionalChoice(occupations),
  comment: commentField.optional(),
};
type FormFields = z.output<z.ZodObject<typeof formFields>>;
const toAnswers = (f: FormFields): SurveyAnswers => ({
  scores: Object.fromEntries(elementCodes.map((c) => [c, f[c]])) as Scores,
  profile: { ageGroup: f.ageGroup, sex: f.sex, education: f.education, occupation: f.occupation },
  comment: f.comment,
});

/** The page form: flat fields (u1…u9, ageGroup, …, comment), turned into SurveyAnswers. */
export const SurveyForm = z.object(formFields).transform(toAnswers);
/** The same typed in from paper by an officer, with the service the questionnaire is about. */
export const PaperSurveyForm = z
  .object({ ...formFields, service: z.enum(surveyServices, { error: 'v.choose' }) })
  .transform((f) => ({ service: f.service, answers: toAnswers(f) }));

/** The row values of a questionnaire, shared by the link and the paper entry. */
export const responseValues = (answers: SurveyAnswers) => ({
  ...answers.scores,
  ageGroup: answers.profile?.ageGroup ?? null,
  sex: answers.profile?.sex ?? null,
  education: answers.profile?.education ?? null,
  occupation: answers.profile?.occupation ?? null,
  comment: answers.comment?.trim() || null,
});

/** A report's period: from ≤ to, at most two years (a yearly survey and the year before it). */
export const validPeriod = periodOfAtMost(731);
export const periodRule = { message: 'surveys.officer.invalidRange', path: ['to'] };
