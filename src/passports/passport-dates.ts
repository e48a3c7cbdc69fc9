import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';

/**
 * Issue and expiry dates as Indonesian passports print them: issued on the WITA date of printing, expiring on the
 * same day and month `validityYears` later (issued 12 JAN 2025, a 10-year passport expires 12 JAN 2035), not a day
 * before. A passport issued on 29 February expires on 28 February when the expiry year is not a leap year.
 */
export function passportDates(now: Date, validityYears: number): { issueDate: IsoDate; expiryDate: IsoDate } {
  const issueDate = witaDate(now);
  const [y, m, d] = issueDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + validityYears, m, 0)).getUTCDate();
  const expiry = new Date(Date.UTC(y + validityYears, m - 1, Math.min(d, lastDay)));
  return { issueDate, expiryDate: expiry.toISOString().slice(0, 10) };
}
