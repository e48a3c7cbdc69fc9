import type { Config } from '../platform/config.ts';

export type WaitingRoomSettings = {
  /** Places admitted per minute per unit; 0 turns the waiting room off. */
  admitPerMinute: number;
  /** Places let in at once while nobody waits: a quiet room shows no page in between. */
  burst: number;
  /** How long an admitted place, and each pass it is given, stays good. */
  passMinutes: number;
  /** WITA minutes of the day [from, to) in which booking needs a pass, or null for always. */
  hours: { from: number; to: number } | null;
};

/** A quiet room admits this many seconds' worth of arrivals at once; beyond that, arrivals queue. */
const BURST_SECONDS = 5;
const WITA_OFFSET_MINUTES = 8 * 60;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function waitingRoomSettings(config: Config['waitingRoom']): WaitingRoomSettings {
  const [from, to] = config.hours === 'always' ? [] : config.hours.split('-');
  return {
    admitPerMinute: config.admitPerMinute,
    burst: Math.max(1, Math.round((config.admitPerMinute / 60) * BURST_SECONDS)),
    passMinutes: config.passMinutes,
    hours: from && to ? { from: minutesOf(from), to: minutesOf(to) } : null,
  };
}

/**
 * Whether booking at this moment needs a pass: decided from the settings and the clock alone, so the booking's
 * write statement needs no extra read. Every booking in these hours needs one, whether the room is busy or not;
 * otherwise a script that skips the room would book before the people in it.
 */
export function waitingRoomActive(settings: WaitingRoomSettings, now: Date): boolean {
  if (settings.admitPerMinute === 0) return false;
  if (!settings.hours) return true;
  const minute = (Math.floor(now.getTime() / 60_000) + WITA_OFFSET_MINUTES) % (24 * 60);
  const { from, to } = settings.hours;
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}
