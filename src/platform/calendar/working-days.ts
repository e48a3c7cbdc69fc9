import { addDays, type IsoDate } from './wita.ts';

/**
 * Whether a unit does not serve on a day (weekend, holiday, cuti bersama, its own closure). Features build it from
 * the holidays feature's `closedDays`: the calendar here knows no unit.
 */
export type IsClosed = (day: IsoDate) => boolean;

/** The `count`th working day after `day`: the day itself does not count, closed days are skipped. */
export function nthWorkingDay(day: IsoDate, count: number, isClosed: IsClosed): IsoDate {
  let nth = day;
  for (let counted = 0; counted < count;) {
    nth = addDays(nth, 1);
    if (!isClosed(nth)) counted += 1;
  }
  return nth;
}

/** How many working days lie after `after` up to and including `upTo` (0 when `upTo` is not later). */
export function workingDaysBetween(after: IsoDate, upTo: IsoDate, isClosed: IsClosed): number {
  let count = 0;
  for (let day = addDays(after, 1); day <= upTo; day = addDays(day, 1)) if (!isClosed(day)) count += 1;
  return count;
}
