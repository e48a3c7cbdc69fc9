// NTT runs on WITA (Asia/Makassar, UTC+8, no daylight saving). Instants are stored in UTC; calendar dates
// (appointments, deadlines, holidays) are plain "YYYY-MM-DD" strings decided in WITA.

const WITA_OFFSET_MS = 8 * 3_600_000;

export type IsoDate = string;

/** The WITA calendar date of an instant. */
export function witaDate(at: Date = new Date()): IsoDate {
  return new Date(at.getTime() + WITA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a WITA date starts (00:00 WITA), optionally at a given "HH:MM". */
export function witaInstant(date: IsoDate, time = '00:00'): Date {
  return new Date(new Date(`${date}T${time}:00.000Z`).getTime() - WITA_OFFSET_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
/** The date `months` calendar months on, kept to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Calendar days from one date to another: 0 on the same day, negative when `to` comes first. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export function dayOfWeek(date: IsoDate): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

export const isWeekend = (date: IsoDate) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

/** The days of the week, Monday first, as the message catalogue's `weekdays.*` keys name them. */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export const weekdayOf = (date: IsoDate): Weekday => weekdays[(dayOfWeek(date) + 6) % 7]!;

/** Age in whole years on a date. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A YYYY-MM-DD date the calendar has: "2026-02-31", "2026-13-01" and "0000-00-00" are not. Arithmetic, not a Date: a
 * hotel's batch checks thousands of dates per request.
 */
export function isIsoDate(value: string): boolean {
  const parts = isoDatePattern.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}
