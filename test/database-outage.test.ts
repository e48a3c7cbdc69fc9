import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from './db.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';
import { start, type Running } from '../src/main.ts';
import { createLogger } from '../src/platform/log.ts';
import { openDatabase } from '../src/platform/db/index.ts';

const url = process.env.TEST_DATABASE_URL;

/** Resolves once `check` holds, re-checking on every turn of the event loop; rejects after `ms`. */
function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  return (async () => {
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe.skipIf(!url)('the server when PostgreSQL goes away [postgres]', () => {
  const applicationName = `sikoe-outage-${crypto.randomUUID().slice(0, 8)}`;
  const lostConnections: Error[] = [];
  let proxy: TcpProxy;
  let running: Running;
  let base: string;
  let admin: pg.Client;

  beforeAll(async () => {
    const target = new URL(url!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(url!);
    proxied.host = proxy.address;
    proxied.searchParams.set('application_name', applicationName);
    const database = await openDatabase({
      kind: 'postgres',
      url: proxied.toString(),
      poolSize: 4,
      timeouts: { connectMs: 1_000, statementMs: 2_000, idleInTransactionMs: 5_000 },
      onConnectionError: (err) => lostConnections.push(err),
    });
    running = await start(testConfig({ port: 0, host: '127.0.0.1' }), database, createLogger('silent'));
    base = `http://127.0.0.1:${(running.app.server.address() as AddressInfo).port}`;
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    await running?.stop();
    await admin?.end();
    await proxy?.close();
  });

  const backends = async () =>
    (
      await admin.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [
        applicationName,
      ])
    ).rows.map((r) => r.pid);

  it('keeps serving when PostgreSQL terminates its connections, idle or inside a transaction', async () => {
    // Open several pooled connections, and hold one inside a transaction.
    await Promise.all(Array.from({ length: 4 }, () => fetch(`${base}/readyz`)));
    let inTransaction!: () => void;
    let terminate!: () => void;
    const held = new Promise<void>((resolve) => (inTransaction = resolve));
    const terminatedNow = new Promise<void>((resolve) => (terminate = resolve));
    const transaction = running.database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      inTransaction();
      await terminatedNow;
      await tx.execute(sql`select 1`);
    });
    await held;
    const terminated = await backends();
    expect(terminated.length).toBeGreaterThan(1);

    // What a restart or failover does to every connection.
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [
      applicationName,
    ]);
    // Only the connections that were there: the pool may already be opening new ones.
    await until(async () => (await backends()).every((pid) => !terminated.includes(pid)));
    terminate();
    await expect(transaction).rejects.toThrow();
    // Idle pooled connections report the loss as 'error' events (how many depends on what the job runner was doing
    // at that moment): unhandled, the first one would have ended the process.
    await until(async () => lostConnections.length > 0);

    // The process is alive, and the pool replaces its connections without a restart. A pooled connection whose
    // loss has not reached this process yet fails the one request that takes it (a 503 with Retry-After), so
    // readiness is awaited rather than expected of the very next request.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await until(async () => (await fetch(`${base}/readyz`)).status === 200);
    const pages = await Promise.all(Array.from({ length: 4 }, () => fetch(`${base}/`)));
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200, 200]);
  });

  it('answers 503 at once while the database is down, and 200 again once it is back, without a restart', async () => {
    proxy.down();
    try {
      const ready = await timed(() => fetch(`${base}/readyz`));
      expect(ready.value.status).toBe(503);
      expect(ready.ms).toBeLessThan(4_000);
      const page = await timed(() => fetch(`${base}/`, { headers: { 'accept-language': 'id' } }));
      expect(page.value.status).toBe(503);
      expect(page.value.headers.get('retry-after')).toBe('10');
      expect(await page.value.text()).toContain('tidak dapat dijangkau');
      expect(page.ms).toBeLessThan(4_000);
      const api = await fetch(`${base}/api/v1/units`);
      expect(api.status).toBe(503);
      expect(await api.json()).toMatchObject({ error: { code: 'unavailable' } });
    } finally {
      proxy.up();
    }
    await until(async () => (await fetch(`${base}/readyz`)).status === 200);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it('never hangs on a database host that stops answering: /readyz and pages answer within seconds', async () => {
    await fetch(`${base}/`); // pooled connections exist, and go silent with the host
    proxy.silent();
    try {
      const ready = await timed(() => fetch(`${base}/readyz`));
      expect(ready.value.status).toBe(503);
      expect(ready.ms).toBeLessThan(4_000);
      const page = await timed(() => fetch(`${base}/`));
      expect(page.value.status).toBe(503);
      // Connect (1 s) or query (2 s + 1 s) timeout, whichever the request meets first.
      expect(page.ms).toBeLessThan(6_000);
    } finally {
      proxy.up();
    }
    await until(async () => (await fetch(`${base}/readyz`)).status === 200, 15_000);
  });
});
