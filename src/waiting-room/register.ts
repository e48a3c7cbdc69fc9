import type { App } from '../platform/http/server.ts';
import { registerWaitingRoomApi } from './api-routes.ts';
import { registerWaitingRoomPages } from './page-routes.tsx';
import { openWaitingRoom, type WaitingRoom } from './room.ts';

/** For the booking routes: whether a pass is needed, the page to send people to, and the pass itself. */
export { admitOrWait, type Turn } from './admit-or-wait.ts';
export { checkPass, issuePass, passGuard, passUsed, spendPass, type CheckedPass, type IssuedPass } from './pass.ts';
export { passForBooking, waitPaid, waitingRoomPath, type WaitingRoom } from './room.ts';
export type { Standing, Waiter } from './standing.ts';

/**
 * The fair waiting room in front of booking at quota release: a place per account and unit, admitted in order at
 * the configured rate, with a single-use pass for the booking. Returns the room for the booking routes.
 */
export async function registerWaitingRoom(app: App): Promise<WaitingRoom> {
  const room = await openWaitingRoom(app.deps.database.db, app.deps.config.waitingRoom);
  registerWaitingRoomPages(app, room);
  registerWaitingRoomApi(app, room);
  return room;
}
