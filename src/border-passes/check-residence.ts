import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import type { FieldErrors } from '../platform/errors.ts';
import { checkNik } from '../regions/check-nik.ts';
import { villageExists } from '../regions/queries.ts';
import { eligibleDistrictCodes } from './pass-rules.ts';

export type Applicant = { nik: string; birthDate: IsoDate; sex: 'F' | 'M'; villageCode: string };

/**
 * Whether the applicant lives in a listed kecamatan on `day`, as field errors (none: eligible). Both count: the
 * address village of the region tables must lie in a listed district, and so must the district digits of the NIK
 * (which must itself be a valid NIK for that birth date and sex). A NIK keeps the district where it was first given,
 * so a resident who moved in from elsewhere is refused here and goes to the head of office.
 */
export async function checkResidence(db: Executor, applicant: Applicant, day: IsoDate): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const [nik, villageKnown, listed] = await Promise.all([
    checkNik(db, applicant.nik, { birthDate: applicant.birthDate, sex: applicant.sex }),
    villageExists(db, applicant.villageCode),
    eligibleDistrictCodes(db, day),
  ]);
  if (nik.errors[0]) errors.nik = nik.errors[0];
  else if (!listed.includes(nik.parsed!.districtCode)) errors.nik = 'borderPasses.v.nikOutside';
  if (!villageKnown) errors.villageCode = 'v.village';
  else if (!listed.includes(districtOf(applicant.villageCode))) errors.villageCode = 'borderPasses.v.villageOutside';
  return errors;
}

/** "53.04.01.2001" → "53.04.01". */
export const districtOf = (villageCode: string) => villageCode.split('.').slice(0, 3).join('.');
