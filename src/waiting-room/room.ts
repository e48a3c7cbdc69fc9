import type { Config } from '../platform/config.ts';
import type { Executor } from '../platform/db/index.ts';
import { serverSecret } from '../platform/db/secrets.ts';
import { checkPass, passKey, type CheckedPass, type PassKey } from './pass.ts';
import { waitingRoomActive, waitingRoomSettings, type WaitingRoomSettings } from './settings.ts';

/** What the waiting room's routes and the booking routes share: the settings and the pass key. */
export type WaitingRoom = {
  settings: WaitingRoomSettings;
  key: PassKey;
  /** Whether booking needs a pass at this moment (settings and clock only, no database). */
  active: (now?: Date) => boolean;
};

export async function openWaitingRoom(db: Executor, config: Config['waitingRoom']): Promise<WaitingRoom> {
  const settings = waitingRoomSettings(config);
  return {
    settings,
    key: passKey(await serverSecret(db, 'waiting-room-pass'), settings.passMinutes),
    active: (now = new Date()) => waitingRoomActive(settings, now),
  };
}

/** Where the page of a unit's waiting room is, coming back to `next` (a local path) when the turn comes. */
export const waitingRoomPath = (unitCode: string, next?: string) =>
  `/units/${encodeURIComponent(unitCode)}/waiting-room${next ? `?next=${encodeURIComponent(next)}` : ''}`;

/**
 * The pass a booking must carry, checked (428 without one, 409 for a forged, foreign, expired or used one). None while
 * the room is not active, or for an application already booked: a resent request gets its booking and another date
 * its refusal, neither takes a place.
 */
export function passForBooking(
  room: WaitingRoom,
  waiter: { unitCode: string | null; accountId: string },
  alreadyBooked: boolean,
  sent: string | undefined,
): CheckedPass | undefined {
  if (!room.active() || !waiter.unitCode || alreadyBooked) return undefined;
  return checkPass(room.key, sent, { unitCode: waiter.unitCode, accountId: waiter.accountId });
}

/** A place that waited at least `seconds` has paid in waiting what a form's proof of work costs. */
export const waitPaid = (pass: CheckedPass | undefined, seconds: number) =>
  pass !== undefined && pass.waitedSeconds >= seconds;
