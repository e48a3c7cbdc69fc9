import crypto from 'node:crypto';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { describe, expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { openDatabase, type Db } from '../db/index.ts';
import { createLogger } from '../log.ts';
import { databaseRateLimitStore, RateLimitCounter } from './rate-limit-store.ts';

type Counted = { current: number; ttl: number };
const silent = createLogger('silent');

function incr(store: FastifyRateLimitStore, key: string, windowMs = 60_000) {
  return new Promise<Counted>((resolve, reject) =>
    store.incr(key, (err, res) => (err ? reject(err) : resolve(res as Counted)), windowMs, 3),
  );
}

function storeOn(db: () => Db, route = crypto.randomUUID()) {
  const counter = new RateLimitCounter(db, silent);
  const Store = databaseRateLimitStore(counter);
  return { counter, store: new Store({}).child({ routeInfo: { method: 'POST', url: `/${route}` } } as never) };
}

describeDb('the database rate-limit store', (ctx) => {
  it('counts the increments of one tick in one statement, each caller getting its own count', async () => {
    const { counter, store } = storeOn(() => ctx.db);
    const key = crypto.randomUUID();
    const counts = await Promise.all([1, 2, 3, 4, 5].map(() => incr(store, key)));
    expect(counts.map((c) => c.current)).toEqual([1, 2, 3, 4, 5]);
    expect(counts.every((c) => c.ttl > 55_000 && c.ttl <= 60_000)).toBe(true);
    // Other keys in the same tick ride in the same statement.
    const [a, b] = await Promise.all([incr(store, key), incr(store, crypto.randomUUID())]);
    expect([a.current, b.current]).toEqual([6, 1]);
    expect(counter.statements).toBe(2);
  });

  it('shares the count between two processes (two counters) on one database, per route', async () => {
    const route = crypto.randomUUID();
    const one = storeOn(() => ctx.db, route).store;
    const two = storeOn(() => ctx.db, route).store;
    const other = storeOn(() => ctx.db).store;
    const key = crypto.randomUUID();
    expect((await incr(one, key)).current).toBe(1);
    expect((await incr(two, key)).current).toBe(2);
    const both = await Promise.all([incr(one, key), incr(two, key), incr(one, key)]);
    expect(both.map((c) => c.current).sort()).toEqual([3, 4, 5]);
    expect((await incr(other, key)).current).toBe(1);
  });

  it('starts a new window once the old one has ended', async () => {
    const { store } = storeOn(() => ctx.db);
    const key = crypto.randomUUID();
    expect((await incr(store, key, 5)).current).toBe(1);
    let counted = await incr(store, key, 5);
    const deadline = Date.now() + 5_000;
    while (counted.current !== 1 && Date.now() < deadline) counted = await incr(store, key, 5);
    expect(counted.current).toBe(1);
  });
});

describe('the database rate-limit store without a database', () => {
  it('counts in memory instead of failing the request', async () => {
    // Nothing listens on port 1: every statement fails at once.
    const database = await openDatabase({ kind: 'postgres', url: 'postgres://sikoe@127.0.0.1:1/none', poolSize: 1 });
    try {
      const { counter, store } = storeOn(() => database.db);
      const key = crypto.randomUUID();
      const counts = await Promise.all([1, 2, 3, 4].map(() => incr(store, key)));
      expect(counts.map((c) => c.current)).toEqual([1, 2, 3, 4]);
      expect(counter.statements).toBe(1);
    } finally {
      await database.close();
    }
  });
});
