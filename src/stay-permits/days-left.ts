import { daysBetween, type IsoDate } from '../platform/calendar/wita.ts';

/** Days of stay left after `today` to the permit's last day: 0 on the last day, negative once it has passed. */
export function daysLeft(validUntil: IsoDate, today: IsoDate): number {
  return daysBetween(today, validUntil);
}
