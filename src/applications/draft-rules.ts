import { and, countDistinct, eq, isNotNull, ne } from 'drizzle-orm';
import { ageOn, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import type { FieldErrors } from '../platform/errors.ts';
import { checkNik } from '../regions/check-nik.ts';
import { villageExists } from '../regions/queries.ts';
import { getUnit } from '../units/list-units.ts';
import { maxValidityYears, openApplicationConflict } from './applicant-rules.ts';
import { applications, type Application } from './schema.ts';
import { regionPickerName, type DraftAnswers } from './wizard-steps.ts';

type Limits = { today: IsoDate; maxApplicants: number };

/**
 * The rules one wizard page must meet beyond its format, judged with what the draft already says (so a birth date
 * is checked against the NIK given two pages before). Returns field errors as catalogue keys; empty when fine.
 * Submission checks the whole record again (checkApplicant), since a later change can break an earlier answer.
 */
export async function draftAnswerErrors(
  db: Executor,
  draft: Application,
  answers: DraftAnswers,
  limits: Limits,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const merged = { ...draft, ...answers };
  if (answers.unitCode !== undefined) {
    const unit = await getUnit(db, answers.unitCode!).catch(() => null);
    if (!unit || !unit.services.includes('passport')) errors.unitCode = 'v.unitNoPassport';
  }
  if (answers.nik !== undefined) {
    const nik = await checkNik(db, answers.nik!);
    if (nik.errors.length > 0) errors.nik = nik.errors[0]!;
    else if ((await otherApplicants(db, draft, answers.nik!)) >= limits.maxApplicants)
      errors.nik = 'v.tooManyApplicants';
  }
  if (answers.birthDate !== undefined && merged.birthDate) {
    if (merged.birthDate > limits.today || ageOn(merged.birthDate, limits.today) > 130)
      errors.birthDate = 'v.birthDateFuture';
    else if (
      merged.nik &&
      (await checkNik(db, merged.nik, { birthDate: merged.birthDate })).errors.includes('v.nikBirthDate')
    )
      errors.birthDate = 'v.nikBirthDate';
  }
  if (
    answers.sex !== undefined &&
    merged.nik &&
    merged.sex &&
    (await checkNik(db, merged.nik, { sex: merged.sex })).errors.includes('v.nikSex')
  )
    errors.sex = 'v.nikSex';
  if (answers.villageCode !== undefined) {
    if (!(await villageExists(db, answers.villageCode!))) errors[regionPickerName] = 'v.village';
  }
  if (answers.kind !== undefined && merged.kind !== 'first' && merged.kind !== 'lost' && !merged.oldPassportNumber)
    errors.oldPassportNumber = 'v.required';
  if (answers.validityYears !== undefined && merged.validityYears! > allowedValidity(merged, limits.today))
    errors.validityYears = 'v.validityTen';
  if (answers.purpose !== undefined && merged.purpose === 'work' && !merged.pmiRecommendationNumber)
    errors.pmiRecommendationNumber = 'v.pmiRequired';
  // One open application per person and type: said on the page that completes the pair, not only at submission.
  if (
    (answers.nik !== undefined || answers.passportType !== undefined) &&
    !errors.nik &&
    merged.nik &&
    merged.passportType
  ) {
    const conflict = await openApplicationConflict(db, draft.accountId, merged.nik, merged.passportType, draft.id);
    if (conflict) errors[answers.passportType !== undefined ? 'passportType' : 'nik'] = conflict;
  }
  return errors;
}

/** The longest validity the applicant may choose: 10 years at 17 or older, or when married; else 5. */
export function allowedValidity(draft: Pick<Application, 'birthDate' | 'maritalStatus'>, today: IsoDate): 5 | 10 {
  return draft.birthDate
    ? maxValidityYears(draft.birthDate, !!draft.maritalStatus && draft.maritalStatus !== 'single', today)
    : 5;
}

/**
 * Answers that a new answer makes void are cleared, so the wizard asks for them again: a 10-year validity when the
 * applicant turns out to be a single 15-year-old, an old passport number for a first passport, a PMI number when
 * the purpose is no longer work.
 */
export function withConsequences(draft: Application, answers: DraftAnswers, today: IsoDate): DraftAnswers {
  const merged = { ...draft, ...answers };
  const patch = { ...answers };
  if (merged.validityYears && merged.validityYears > allowedValidity(merged, today)) patch.validityYears = null;
  if (merged.kind === 'first') patch.oldPassportNumber = null;
  if (merged.purpose && merged.purpose !== 'work') patch.pmiRecommendationNumber = null;
  return patch;
}

/** Distinct people this account applies for besides `nik`, ignoring this draft and cancelled applications. */
async function otherApplicants(db: Executor, draft: Application, nik: string): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(applications.nik) })
    .from(applications)
    .where(
      and(
        eq(applications.accountId, draft.accountId),
        ne(applications.id, draft.id),
        isNotNull(applications.nik),
        ne(applications.nik, nik),
        ne(applications.status, 'cancelled'),
      ),
    );
  return row?.n ?? 0;
}
