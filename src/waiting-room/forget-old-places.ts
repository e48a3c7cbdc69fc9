import { lt } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { spentWaitingRoomPasses, waitingRoomPlaces } from './schema.ts';

/** Deletes places whose turn ended more than `passMinutes` ago and spent passes that have expired anyway. */
export async function forgetOldPlaces(db: Executor, passMinutes: number, now = new Date()): Promise<void> {
  await db
    .delete(waitingRoomPlaces)
    .where(lt(waitingRoomPlaces.admitAt, new Date(now.getTime() - passMinutes * 60_000)));
  await db.delete(spentWaitingRoomPasses).where(lt(spentWaitingRoomPasses.forgetAt, now));
}
