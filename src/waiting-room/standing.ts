import type { WaitingRoomSettings } from './settings.ts';

/** Who waits in a waiting room: a signed-in account at a unit. */
export type Waiter = { unitCode: string; accountId: string };

/** Where someone stands: their place, how many are let in before them, and when their turn comes. */
export type Standing = {
  place: number;
  joinedAt: Date;
  /** When the place is (or was) admitted: the cursor reaches it at the admission rate. */
  admitAt: Date;
  admitted: boolean;
  /** People let in before this place: place − admitted-up-to (0 once admitted). */
  ahead: number;
  /** Seconds until admission at the configured rate (0 once admitted). */
  waitSeconds: number;
  /** The place, and any pass it was given, is good until then; after that the account queues again. */
  expiresAt: Date;
};

export type PlaceRow = { place: number | string; joined_at: Date | string; admit_at: Date | string };

export function standingOf(row: PlaceRow, settings: WaitingRoomSettings, now: Date): Standing {
  const admitAt = new Date(row.admit_at);
  const waitMs = Math.max(0, admitAt.getTime() - now.getTime());
  return {
    place: Number(row.place),
    joinedAt: new Date(row.joined_at),
    admitAt,
    admitted: waitMs === 0,
    // The epsilon keeps float noise (2.0000001 places) from counting one more person ahead.
    ahead: waitMs === 0 ? 0 : Math.ceil((waitMs / 60_000) * settings.admitPerMinute - 1e-6),
    waitSeconds: Math.ceil(waitMs / 1000),
    expiresAt: new Date(admitAt.getTime() + settings.passMinutes * 60_000),
  };
}
