import { bigint, doublePrecision, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per unit whose waiting room was ever entered: the last place given out and the admission cursor
 * ("admitted up to place `cursor`" at `cursor_at`). The cursor grows with time at the admission rate and runs at
 * most a burst ahead of the last place, so a quiet room lets people in at once. Joining moves both in one UPDATE
 * of this row; reading a place never touches it.
 */
export const waitingRoomUnits = pgTable('waiting_room_units', {
  unitCode: text('unit_code').primaryKey(),
  lastPlace: bigint('last_place', { mode: 'number' }).notNull(),
  cursor: doublePrecision('cursor').notNull(),
  cursorAt: timestamp('cursor_at', { withTimezone: true }).notNull(),
});

/**
 * An account's place in a unit's waiting room: one per unit and account, so more tabs, reloads and requests keep
 * it. `admit_at` is fixed when the place is given (the cursor reaches it then); the place, and the passes it gets,
 * stay good for the pass lifetime after that, and a later arrival of the same account gets a new place at the end.
 */
export const waitingRoomPlaces = pgTable(
  'waiting_room_places',
  {
    unitCode: text('unit_code').notNull(),
    accountId: uuid('account_id').notNull(),
    place: bigint('place', { mode: 'number' }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    admitAt: timestamp('admit_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.accountId] }), index('waiting_room_places_admit_idx').on(t.admitAt)],
);

/** Passes already used: a pass is good once across every server process until it expires (`forget_at`). */
export const spentWaitingRoomPasses = pgTable(
  'spent_waiting_room_passes',
  {
    nonce: text('nonce').primaryKey(),
    forgetAt: timestamp('forget_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('spent_waiting_room_passes_forget_idx').on(t.forgetAt)],
);
