import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Period } from './schema.ts';

export type Window = { from: IsoDate; to: IsoDate };

/** Semester I is January to June, II July to December. */
export function semesterWindow(year: number, half: 1 | 2): Window {
  return half === 1 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/**
 * What an indicator is judged on in a semester: quarterly and semester indicators on the semester; a year's
 * indicator once, at semester II, on the whole year (none at semester I).
 */
export function indicatorWindow(period: Period, year: number, half: 1 | 2): Window | null {
  if (period !== 'year') return semesterWindow(year, half);
  return half === 2 ? { from: `${year}-01-01`, to: `${year}-12-31` } : null;
}
