import { sql } from 'drizzle-orm';
import { preparedRows, type Executor } from '../platform/db/index.ts';
import { findPlace } from './find-place.ts';
import type { WaitingRoomSettings } from './settings.ts';
import { standingOf, type PlaceRow, type Standing } from './standing.ts';
import type { Waiter } from './standing.ts';

export type Entered = Standing & { /** A new place was given (not one the account already held). */ fresh: boolean };

/**
 * Gives the account a place at the end of the unit's queue, or returns the live place it already holds (another
 * tab, a reload, a retry). One statement, its own transaction: it moves the unit's cursor to now (at the admission
 * rate, at most a burst beyond the last place), takes the next place number and fixes the moment the cursor reaches
 * it. Only the unit's row is locked, for the length of the statement, so several processes share one room.
 */
export async function enterWaitingRoom(
  db: Executor,
  waiter: Waiter,
  settings: WaitingRoomSettings,
  now = new Date(),
): Promise<Entered> {
  const at = now.toISOString();
  const perSecond = settings.admitPerMinute / 60;
  const rows = await preparedRows<PlaceRow & { fresh: boolean }>(
    db,
    'waiting_room_enter',
    sql`
    with mine as (
      select place, joined_at, admit_at from waiting_room_places
      where unit_code = ${waiter.unitCode} and account_id = ${waiter.accountId}
        and admit_at > ${at}::timestamptz - make_interval(mins => ${settings.passMinutes}::int)
    ), bump as (
      insert into waiting_room_units as u (unit_code, last_place, cursor, cursor_at)
      select ${waiter.unitCode}, 1, ${settings.burst}::float8, ${at}::timestamptz where not exists (select from mine)
      on conflict (unit_code) do update set
        cursor = least(
          u.cursor + greatest(0, extract(epoch from ${at}::timestamptz - u.cursor_at)) * ${perSecond}::float8,
          u.last_place + ${settings.burst}::float8),
        cursor_at = greatest(u.cursor_at, ${at}::timestamptz),
        last_place = u.last_place + 1
      returning last_place, cursor
    ), placed as (
      insert into waiting_room_places as p (unit_code, account_id, place, joined_at, admit_at)
      select ${waiter.unitCode}, ${waiter.accountId}::uuid, last_place, ${at}::timestamptz,
        ${at}::timestamptz + make_interval(secs => greatest(0, last_place - cursor) / ${perSecond}::float8)
      from bump
      on conflict (unit_code, account_id) do update
        set place = excluded.place, joined_at = excluded.joined_at, admit_at = excluded.admit_at
        where p.admit_at <= ${at}::timestamptz - make_interval(mins => ${settings.passMinutes}::int)
      returning place, joined_at, admit_at
    )
    select place, joined_at, admit_at, false as fresh from mine
    union all select place, joined_at, admit_at, true as fresh from placed`,
  );
  const [row] = rows;
  if (row) return { ...standingOf(row, settings, now), fresh: row.fresh };
  // Two first arrivals of one account at once: the other statement placed it (its number taken here is skipped).
  const held = await findPlace(db, waiter, settings, now);
  if (!held) throw new Error('waiting room place vanished');
  return { ...held, fresh: false };
}
