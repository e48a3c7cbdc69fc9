import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from './index.ts';

/** What node-postgres 8 keeps about a client's statements (internal; pg 9 refuses a second one while one runs). */
type ClientState = { _activeQuery: unknown; _queryQueue: unknown[] };

describe.runIf(process.env.TEST_DATABASE_URL)('statements on one connection [postgres]', () => {
  it('runs the statements a transaction starts side by side one after another, in the order they were started', async () => {
    const original = Reflect.get(pg.Client.prototype, 'query') as (...args: unknown[]) => unknown;
    let sentWhileBusy = 0;
    pg.Client.prototype.query = function (this: pg.Client & ClientState, ...args: unknown[]) {
      if (this._activeQuery || this._queryQueue.length > 0) sentWhileBusy++;
      return original.apply(this, args);
    } as typeof pg.Client.prototype.query;
    const database = await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, poolSize: 2 });
    try {
      // Finished in the order started, although the first sleeps longest.
      const finished: number[] = [];
      await database.db.transaction((tx) =>
        Promise.all(
          [30, 0, 10].map(async (ms, i) => {
            await queryRows(tx, sql`select pg_sleep(${ms / 1000})`);
            finished.push(i);
          }),
        ),
      );
      expect(finished).toEqual([0, 1, 2]);
      expect(sentWhileBusy).toBe(0);
      // A failed statement does not stop those after it from being sent (they fail as the transaction has).
      await expect(
        database.db.transaction((tx) =>
          Promise.all([queryRows(tx, sql`select 1 / 0`), queryRows(tx, sql`select 1 as one`)]),
        ),
      ).rejects.toThrow();
      expect(await queryRows(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    } finally {
      pg.Client.prototype.query = original as typeof pg.Client.prototype.query;
      await database.close();
    }
  });
});
