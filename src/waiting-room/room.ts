import type { Config } from '../platform/config.ts';
import type { Executor } from '../platform/db/index.ts';
import { serverSecret } from '../platform/db/secrets.ts';
import { passKey, type PassKey } from './pass.ts';
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
