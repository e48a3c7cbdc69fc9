import { sql } from 'drizzle-orm';
import { preparedRows, type Executor } from '../platform/db/index.ts';
import type { WaitingRoomSettings } from './settings.ts';
import { standingOf, type PlaceRow, type Standing, type Waiter } from './standing.ts';

/** The account's live place at the unit, or null: a read of one row by its key, for the page's refreshes and polls. */
export async function findPlace(
  db: Executor,
  waiter: Waiter,
  settings: WaitingRoomSettings,
  now = new Date(),
): Promise<Standing | null> {
  const [row] = await preparedRows<PlaceRow>(
    db,
    'waiting_room_find_place',
    sql`select place, joined_at, admit_at from waiting_room_places
        where unit_code = ${waiter.unitCode} and account_id = ${waiter.accountId}
          and admit_at > ${now.toISOString()}::timestamptz - make_interval(mins => ${settings.passMinutes}::int)`,
  );
  return row ? standingOf(row, settings, now) : null;
}
