import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/server.ts';
import { startTcpProxy, type TcpProxy } from '../../../test/tcp-proxy.ts';
import { isDatabaseUnavailable, openDatabase, queryRows, sqlState, type Database } from './index.ts';
import { parseHostList } from './multi-host.ts';

describe('host lists in a database URL', () => {
  it('reads the hosts, ports and session wanted, and keeps the rest of the URL for the driver', () => {
    expect(
      parseHostList(
        'postgres://app:s3cret@db1:6002,db2:6003,[::1]/sikoe?sslmode=disable&target_session_attrs=read-write',
      ),
    ).toEqual({
      hosts: [
        { host: 'db1', port: 6002 },
        { host: 'db2', port: 6003 },
        { host: '::1', port: 5432 },
      ],
      attrs: 'read-write',
      base: 'postgres://app:s3cret@db1:6002/sikoe?sslmode=disable',
    });
    expect(parseHostList('postgresql://db1,db2/sikoe')).toMatchObject({ attrs: 'any', base: 'postgresql://db1/sikoe' });
    expect(parseHostList('postgres://db1:5432/sikoe?target_session_attrs=standby')?.hosts).toEqual([
      { host: 'db1', port: 5432 },
    ]);
  });

  it('leaves a URL with one host and any session to node-postgres, and refuses what libpq would refuse', () => {
    expect(parseHostList('postgres://postgres@127.0.0.1:5432/sikoe')).toBeNull();
    expect(parseHostList('postgres://postgres@127.0.0.1:5432/sikoe?target_session_attrs=any')).toBeNull();
    expect(parseHostList('postgres://postgres@/sikoe?host=/var/run/postgresql')).toBeNull();
    expect(() => parseHostList('postgres://a,b/sikoe?target_session_attrs=writable')).toThrow(/read-write/);
    expect(() => parseHostList('postgres://a,,b/sikoe')).toThrow(/empty/);
  });
});

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('a pool on a host list [postgres]', () => {
  const server = url ? new URL(url) : undefined;
  const opened: Database[] = [];
  let proxies: TcpProxy[] = [];
  let closedPort: number;

  /** The test database's URL with these host:port entries and session wanted instead of its own host. */
  const listed = (hosts: string[], attrs: string) =>
    `postgres://${server!.username}@${hosts.join(',')}${server!.pathname}?target_session_attrs=${attrs}`;
  const open = async (hosts: string[], attrs: string, readUrl?: string) => {
    const database = await openDatabase({
      kind: 'postgres',
      url: listed(hosts, attrs),
      readUrl,
      poolSize: 2,
      timeouts: { connectMs: 1_000 },
    });
    opened.push(database);
    return database;
  };
  const port = async (database: Database, db = database.db) =>
    (await queryRows<{ port: number }>(db, sql`select inet_server_port() as port`))[0]!.port;

  beforeAll(async () => {
    const target = { host: server!.hostname, port: Number(server!.port || 5432) };
    proxies = [await startTcpProxy(target), await startTcpProxy(target)];
    closedPort = await freePort();
  });
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close().catch(() => undefined)));
    await Promise.all(proxies.map((p) => p.close()));
  });

  it('skips a host that cannot be reached and takes the next that accepts writes, migrations included', async () => {
    const database = await open([`127.0.0.1:${closedPort}`, proxies[0]!.address], 'read-write');
    await database.migrate();
    expect(await port(database)).toBe(Number(server!.port || 5432));
  });

  it('finds another host when the one it uses goes away, as after a failover', async () => {
    const database = await open([proxies[0]!.address, proxies[1]!.address], 'read-write');
    await queryRows(database.db, sql`select 1`);
    proxies[0]!.down();
    try {
      // The connection that was lost may fail the request that holds it; the next one goes to the other host.
      await queryRows(database.db, sql`select 1`).catch((err: unknown) =>
        expect(isDatabaseUnavailable(err)).toBe(true),
      );
      await expect(queryRows(database.db, sql`select 1 as one`)).resolves.toEqual([{ one: 1 }]);
    } finally {
      proxies[0]!.up();
    }
  });

  it('answers "unavailable" (08001) when no host has the session wanted, and prefer-standby falls back to any', async () => {
    const standbyOnly = await open([proxies[0]!.address, proxies[1]!.address], 'standby');
    const err: unknown = await queryRows(standbyOnly.db, sql`select 1`).catch((e: unknown) => e);
    expect(sqlState(err)).toBe('08001');
    expect(isDatabaseUnavailable(err)).toBe(true);
    const preferring = await open([`127.0.0.1:${closedPort}`, proxies[1]!.address], 'prefer-standby');
    await expect(queryRows(preferring.db, sql`select 1 as one`)).resolves.toEqual([{ one: 1 }]);
  });

  it('opens the read pool with read-only sessions, so a write sent there by mistake fails', async () => {
    const database = await open([proxies[0]!.address], 'read-write', listed([proxies[1]!.address], 'any'));
    const [readOnly] = await queryRows<{ v: string }>(
      database.readDb,
      sql`select current_setting('transaction_read_only') as v`,
    );
    expect(readOnly?.v).toBe('on');
    const write: unknown = await database.readDb
      .execute(sql`create temporary table sikoe_read_probe (x int)`)
      .catch((e: unknown) => e);
    expect(sqlState(write)).toBe('25006');
    const [primary] = await queryRows<{ v: string }>(
      database.db,
      sql`select current_setting('transaction_read_only') as v`,
    );
    expect(primary?.v).toBe('off');
  });
});
