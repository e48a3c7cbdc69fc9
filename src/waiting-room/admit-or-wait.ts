import type { Executor } from '../platform/db/index.ts';
import { enterWaitingRoom } from './enter-waiting-room.ts';
import { findPlace } from './find-place.ts';
import { forgetOldPlaces } from './forget-old-places.ts';
import { issuePass, type IssuedPass } from './pass.ts';
import type { WaitingRoom } from './room.ts';
import type { Standing, Waiter } from './standing.ts';

export type Turn = { standing: Standing; pass: IssuedPass | null };

/** Old places are forgotten on the way: by every this-many-th new place of a unit, not by a timer. */
const FORGET_EVERY = 100;

/**
 * The account's turn at the unit: its place (taken now when `join`, else only read: null without one) and, once
 * the place is admitted, a new single-use pass that also carries how long the place waited.
 */
export async function admitOrWait(
  db: Executor,
  room: WaitingRoom,
  waiter: Waiter,
  join: boolean,
  now = new Date(),
): Promise<Turn | null> {
  let standing: Standing | null;
  if (join) {
    const entered = await enterWaitingRoom(db, waiter, room.settings, now);
    if (entered.fresh && entered.place % FORGET_EVERY === 0) await forgetOldPlaces(db, room.settings.passMinutes, now);
    standing = entered;
  } else standing = await findPlace(db, waiter, room.settings, now);
  if (!standing) return null;
  const waited = (standing.admitAt.getTime() - standing.joinedAt.getTime()) / 1000;
  return { standing, pass: standing.admitted ? issuePass(room.key, waiter, waited, now) : null };
}
