import { weekdayOf, type IsoDate } from '../platform/calendar/wita.ts';
import { formatHourMinute, type Lang } from '../platform/i18n/index.ts';
import type { Unit } from '../units/schema.ts';

/** The unit's opening hours (WITA) on a date as the language writes them, e.g. "08.00–12.00, 13.00–16.00"; empty when it does not open. */
export function openingHoursOn(unit: Pick<Unit, 'openingHours'>, date: IsoDate, lang: Lang): string {
  const time = (t: string) => formatHourMinute(lang, t);
  return (unit.openingHours[weekdayOf(date)] ?? []).map(([from, to]) => `${time(from)}–${time(to)}`).join(', ');
}
