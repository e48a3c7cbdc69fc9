import type { Application } from '../applications/schema.ts';
import { ageOn, type IsoDate } from '../platform/calendar/wita.ts';

export type BringItem =
  | 'ektp'
  | 'kk'
  | 'identityProof'
  | 'naturalised'
  | 'oldPassport'
  | 'nameChangeDecree'
  | 'lostReport'
  | 'pmiRecommendation'
  | 'parentsKtp'
  | 'birthCertificate'
  | 'parentsMarriage'
  | 'parentsPassports'
  | 'parentsPresent'
  | 'receipt';

/**
 * The originals to bring on the day (keys of booking.bring.*): an adult's or a child's list (under 17 and
 * unmarried on the date of the visit), plus what the kind of application and the purpose of travel add.
 */
export function whatToBring(
  application: Pick<Application, 'birthDate' | 'maritalStatus' | 'kind' | 'purpose'>,
  visit: IsoDate,
): BringItem[] {
  const child =
    !!application.birthDate && ageOn(application.birthDate, visit) < 17 && application.maritalStatus === 'single';
  const items: BringItem[] = child
    ? ['parentsKtp', 'kk', 'birthCertificate', 'parentsMarriage', 'parentsPassports', 'parentsPresent']
    : ['ektp', 'kk', 'identityProof', 'naturalised'];
  if (application.kind === 'replacement' || application.kind === 'damaged' || application.kind === 'name_change')
    items.push('oldPassport');
  if (application.kind === 'name_change') items.push('nameChangeDecree');
  if (application.kind === 'lost') items.push('lostReport');
  if (application.purpose === 'work') items.push('pmiRecommendation');
  items.push('receipt');
  return items;
}
