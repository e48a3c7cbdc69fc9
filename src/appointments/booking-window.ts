import { addDays, witaDate, type IsoDate } from '../platform/calendar/wita.ts';

export type WindowRules = { windowDays: number; opensAt: string };

/**
 * Bookable dates: from tomorrow to `windowDays` ahead, WITA. The farthest day opens at `opensAt` each morning,
 * so everyone gets the new day at the same announced moment instead of at midnight.
 */
export function bookingWindow(now: Date, rules: WindowRules): { from: IsoDate; to: IsoDate } {
  const today = witaDate(now);
  const witaTime = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  const reach = witaTime >= rules.opensAt ? rules.windowDays : rules.windowDays - 1;
  return { from: addDays(today, 1), to: addDays(today, reach) };
}
