import { sql } from 'drizzle-orm';
import { recordArrival } from '../foreigners/record-arrival.ts';
import { recordDeparture } from '../foreigners/record-departure.ts';
import { checkOutDeparted } from '../lodgings/check-out-departed.ts';
import { closeOverstays } from '../overstays/close-overstays.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { crossingDailyCounts, type Crossing } from './schema.ts';

/** One more crossing on its day, point, direction, kind of traveller and document: one row, never a scan. */
async function countCrossing(tx: Tx, crossing: Crossing, day: IsoDate): Promise<void> {
  await tx
    .insert(crossingDailyCounts)
    .values({
      day,
      pointCode: crossing.pointCode,
      direction: crossing.direction,
      travellerKind: crossing.travellerKind,
      documentKind: crossing.documentKind,
      count: 1,
    })
    .onConflictDoUpdate({
      target: [
        crossingDailyCounts.day,
        crossingDailyCounts.pointCode,
        crossingDailyCounts.direction,
        crossingDailyCounts.travellerKind,
        crossingDailyCounts.documentKind,
      ],
      set: { count: sql`${crossingDailyCounts.count} + 1` },
    });
}

/**
 * What a crossing that happened (cleared at the desk, or allowed by a supervisor) changes, in the same transaction:
 * the day's count; for a foreigner leaving, a departure in the register (which closes their overstays with their
 * final days) and their open lodging stays checked out; for a foreigner coming in, an arrival in the register, which
 * opens their presence again (a departure before it no longer spares a lapsed permit from the overstay scan or the
 * desk's check).
 *
 * `now` is when it happened: the desk's clearing, or the supervisor's allowing, which may fall on a later WITA day
 * than the one the held crossing was recorded on (held at 23:50, allowed at 00:10); the count, the departure and the
 * arrival take that day, not `crossedOn`. The callers run it as the last step of their transaction, so the count
 * below is the transaction's last write.
 */
export async function applyCrossing(tx: Tx, caller: Caller, crossing: Crossing, place: string, now: Date) {
  const day = witaDate(now);
  if (crossing.foreignerId && crossing.direction === 'arrival') {
    await recordArrival(tx, caller, {
      foreignerId: crossing.foreignerId,
      arrivedOn: day,
      place,
      requestId: crossing.id,
    });
  } else if (crossing.foreignerId) {
    await recordDeparture(
      tx,
      caller,
      { who: { foreignerId: crossing.foreignerId }, departedOn: day, place, requestId: crossing.id },
      closeOverstays,
    );
    await checkOutDeparted(tx, caller, { foreignerId: crossing.foreignerId, at: now });
  }
  // The count last, after every other write: its row (one per point, day, direction and kind) is shared by every
  // desk of the point and stays locked from the upsert to the commit, so taken last it holds the others up least.
  await countCrossing(tx, crossing, day);
}
