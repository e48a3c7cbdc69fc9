import { addDays, ageOn, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import type { FieldErrors } from '../platform/errors.ts';
import { checkNik } from '../regions/check-nik.ts';
import { findVillagePlaces } from '../regions/find-village-places.ts';
import { getUnit } from '../units/list-units.ts';
import type { HomeVisitReason } from './schema.ts';

/** Lansia: the elderly are served from this age. */
export const ELDERLY_AGE = 60;
/** How far ahead a preferred date may lie. */
export const PREFERRED_DATES_AHEAD = 92;

export type VisitFacts = {
  applicantNik: string;
  applicantBirthDate: IsoDate;
  reason: HomeVisitReason;
  reasonDetails: string | null;
  villageCode: string;
  unitCode: string;
  preferredDates: IsoDate[];
};

/**
 * Who may be visited, judged when the request is made: a NIK that fits the birth date, an age of 60 or more for the
 * elderly (an officer then sees the e-KTP), and a description for the other reasons, which the office weighs. Returns
 * field errors as catalogue keys (with the parameters their messages need); no errors when the request may be stored.
 */
export async function visitRequestErrors(
  db: Executor,
  facts: VisitFacts,
  today: IsoDate,
): Promise<{ errors: FieldErrors; params: { age?: number } }> {
  const errors: FieldErrors = {};
  const params: { age?: number } = {};
  const birthDateOk = facts.applicantBirthDate <= today && ageOn(facts.applicantBirthDate, today) <= 130;
  if (!birthDateOk) errors.applicantBirthDate = 'v.birthDateFuture';
  const nik = await checkNik(db, facts.applicantNik, { birthDate: facts.applicantBirthDate });
  if (nik.errors.includes('v.nikFormat') || nik.errors.includes('v.nikRegion')) errors.applicantNik = nik.errors[0]!;
  else if (nik.errors.includes('v.nikBirthDate')) errors.applicantBirthDate = 'v.nikBirthDate';
  if (facts.reason === 'elderly') {
    const age = ageOn(facts.applicantBirthDate, today);
    // The age goes into the message (the error's params), so a requester sees why.
    if (birthDateOk && age < ELDERLY_AGE) {
      errors.reason = 'homeVisits.v.tooYoung';
      params.age = age;
    }
  } else if (!facts.reasonDetails) errors.reasonDetails = 'homeVisits.v.detailsRequired';

  if (!(await findVillagePlaces(db, [facts.villageCode])).has(facts.villageCode)) errors.villageCode = 'v.village';
  const unit = await getUnit(db, facts.unitCode).catch(() => null);
  if (!unit || !unit.services.includes('koe_peduli')) errors.unitCode = 'homeVisits.v.unitNoPeduli';
  const last = addDays(today, PREFERRED_DATES_AHEAD);
  if (
    facts.preferredDates.some((d) => d <= today || d > last) ||
    new Set(facts.preferredDates).size !== facts.preferredDates.length
  ) {
    errors.preferredDates = 'homeVisits.v.preferredDates';
  }
  return { errors, params };
}
