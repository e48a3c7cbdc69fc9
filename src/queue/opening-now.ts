import { openingHoursOn } from '../appointments/opening-hours.ts';
import { dayOfWeek, witaDate } from '../platform/calendar/wita.ts';
import { formatHourMinute, type Lang } from '../platform/i18n/index.ts';
import type { Unit, Weekday } from '../units/schema.ts';

const byIndex: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The WITA clock time of an instant as "HH:MM", the way opening hours are written. */
const witaClock = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

/**
 * Whether the unit is open at an instant by its opening hours (WITA; each range from its opening minute up to, not
 * including, its closing one), with the day's hours as "08:00–12:00, 13:00–16:00" ('' when it does not open).
 */
export function openAt(unit: Pick<Unit, 'openingHours'>, at: Date): { open: boolean; hours: string } {
  const date = witaDate(at);
  const time = witaClock(at);
  const ranges = unit.openingHours[byIndex[dayOfWeek(date)]!] ?? [];
  return { open: ranges.some(([from, to]) => from <= time && time < to), hours: openingHoursOn(unit, date, 'en') };
}

/** Opening hours as the language writes times: "08.00–16.00" in Indonesian, "08:00–16:00" in English. */
export const readableHours = (lang: Lang, hours: string) =>
  hours.replace(/\d{2}:\d{2}/g, (time) => formatHourMinute(lang, time));
