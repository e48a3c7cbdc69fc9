import { parseNik } from '../regions/check-nik.ts';
import { isIsoDate, type IsoDate } from '../platform/calendar/wita.ts';

/**
 * The birth date a NIK carries (digits 7–12, DDMMYY, the day +40 for women; see `parseNik`), or null when they are no
 * date. The NIK has no century: of the two the one that puts the birth latest without passing `today` is taken (a
 * NIK with 05 is born 2005 up to the day, 1905 before it), since a person listed is already born and one born a
 * century earlier is far rarer. The same rule fills the entries made before it (migration `ban_list_dates`).
 */
export function birthDateFromNik(nik: string, today: IsoDate): IsoDate | null {
  const parsed = parseNik(nik);
  if (!parsed) return null;
  const monthDay = `${String(parsed.month).padStart(2, '0')}-${String(parsed.day).padStart(2, '0')}`;
  const recent = `20${String(parsed.year2).padStart(2, '0')}-${monthDay}`;
  const date = recent <= today ? recent : `19${recent.slice(2)}`;
  // 31 April or 29 February out of a leap year is no date.
  return isIsoDate(date) ? date : null;
}
