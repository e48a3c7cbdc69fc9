import { and, countDistinct, eq, isNotNull, ne, notInArray } from 'drizzle-orm';
import { ageOn, type IsoDate } from '../platform/calendar/wita.ts';
import { constraintOf, type Executor } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { checkNik } from '../regions/check-nik.ts';
import { getUnit } from '../units/list-units.ts';
import {
  applications,
  closedApplicationStatuses,
  type ApplicationKind,
  type MaritalStatus,
  type PassportType,
  type TravelPurpose,
} from './schema.ts';

export type ApplicantFacts = {
  nik: string;
  birthDate: IsoDate;
  sex: 'F' | 'M';
  maritalStatus: MaritalStatus;
  kind: ApplicationKind;
  oldPassportNumber: string | null;
  validityYears: 5 | 10;
  purpose: TravelPurpose;
  pmiRecommendationNumber: string | null;
  unitCode: string;
  passportType: PassportType;
  /** The application these facts are, once it exists (a draft being submitted). */
  id?: string;
};

/** Ten-year passports only for applicants who are 17 or older, or married (Permenkumham 18/2022). */
export function maxValidityYears(birthDate: IsoDate, married: boolean, on: IsoDate): 5 | 10 {
  return ageOn(birthDate, on) >= 17 || married ? 10 : 5;
}

/**
 * The rules an application must meet before it is submitted, as field errors (catalogue keys) plus warnings for
 * an officer. Formats are zod's job; these are the rules that need the database or several fields at once.
 */
export async function checkApplicant(
  db: Executor,
  accountId: string,
  facts: ApplicantFacts,
  today: IsoDate,
  maxApplicants: number,
) {
  const errors: FieldErrors = {};
  const nik = await checkNik(db, facts.nik, { birthDate: facts.birthDate, sex: facts.sex });
  if (nik.errors.includes('v.nikFormat') || nik.errors.includes('v.nikRegion')) errors.nik = nik.errors[0]!;
  else if (nik.errors.includes('v.nikBirthDate')) errors.birthDate = 'v.nikBirthDate';
  else if (nik.errors.includes('v.nikSex')) errors.sex = 'v.nikSex';
  if (facts.birthDate > today) errors.birthDate = 'v.birthDateFuture';
  else if (ageOn(facts.birthDate, today) > 130) errors.birthDate = 'v.birthDateFuture';
  if (facts.validityYears > maxValidityYears(facts.birthDate, facts.maritalStatus !== 'single', today))
    errors.validityYears = 'v.validityTen';
  if (facts.kind !== 'first' && facts.kind !== 'lost' && !facts.oldPassportNumber)
    errors.oldPassportNumber = 'v.required';
  if (facts.purpose === 'work' && !facts.pmiRecommendationNumber) errors.pmiRecommendationNumber = 'v.pmiRequired';
  const unit = await getUnit(db, facts.unitCode).catch(() => null);
  if (!unit || !unit.services.includes('passport')) errors.unitCode = 'v.unitNoPassport';

  const [others] = await db
    .select({ n: countDistinct(applications.nik) })
    .from(applications)
    .where(
      and(
        eq(applications.accountId, accountId),
        isNotNull(applications.nik),
        ne(applications.nik, facts.nik),
        ne(applications.status, 'cancelled'),
      ),
    );
  if ((others?.n ?? 0) >= maxApplicants) errors.nik = 'v.tooManyApplicants';
  const open = errors.nik
    ? undefined
    : await openApplicationConflict(db, accountId, facts.nik, facts.passportType, facts.id);
  if (open) errors.nik = open;
  return { errors, warnings: nik.warnings };
}

/**
 * The message key when this person already has an application of this type under way, other than `exceptId`:
 * the account's own (continue or withdraw it), or another account's, which is for the office to sort out.
 */
export async function openApplicationConflict(
  db: Executor,
  accountId: string,
  nik: string,
  passportType: PassportType,
  exceptId?: string,
): Promise<string | undefined> {
  const open = await openApplicationOf(db, nik, passportType, exceptId);
  if (!open) return undefined;
  return open.accountId === accountId ? 'v.openApplicationExists' : 'v.openApplicationElsewhere';
}

/** An application for this person and type that is under way (from any account), other than `exceptId`. */
async function openApplicationOf(
  db: Executor,
  nik: string,
  passportType: PassportType,
  exceptId?: string,
): Promise<{ accountId: string } | undefined> {
  const [row] = await db
    .select({ accountId: applications.accountId })
    .from(applications)
    .where(
      and(
        eq(applications.nik, nik),
        eq(applications.passportType, passportType),
        notInArray(applications.status, [...closedApplicationStatuses]),
        exceptId ? ne(applications.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row;
}

/** The database's own guard of the rule above, for two submissions racing: as the same field error. */
export function openApplicationRace(err: unknown): AppError | undefined {
  return constraintOf(err) === 'applications_open_nik_type_key'
    ? new AppError('validation_failed', { nik: 'v.openApplicationExists' })
    : undefined;
}
