import crypto from 'node:crypto';
import fs from 'node:fs';
import { beforeAll, describe, inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import type { App } from '../src/platform/http/server.ts';
import { openDatabase, type Database, type Db, type DriverKind } from '../src/platform/db/index.ts';

export const drivers: DriverKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

// One database per driver per worker: PGlite is a single connection and takes seconds to start.
const databases = new Map<DriverKind, Promise<Database>>();

export function testDatabase(kind: DriverKind): Promise<Database> {
  let database = databases.get(kind);
  if (!database) {
    database =
      kind === 'postgres'
        ? openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, poolSize: 10 })
        : openDatabase({ kind: 'pglite', loadDataDir: new Blob([fs.readFileSync(inject('pgliteImage'))]) });
    databases.set(kind, database);
  }
  return database;
}

/**
 * An empty database of the test's own, for what must not share the run's database (migrations from an old
 * version, the demo data in the real offices): PGlite in memory, or a new PostgreSQL database dropped afterwards
 * (its `url` for processes of its own).
 */
export async function freshDatabase(
  kind: DriverKind,
): Promise<{ database: Database; drop: () => Promise<void>; url?: string }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite' });
    return { database, drop: () => database.close() };
  }
  const { default: pg } = await import('pg');
  const name = `sikoe_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const again = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: inject('testDataDir'),
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      // Tests read the figures they have just made; the snapshot's own test sets an age.
      FIGURES_MAX_AGE_SECONDS: '0',
      // Booking needs the waiting room's pass only in the tests about it, whatever the hour the tests run at.
      WAITING_ROOM_ADMIT_PER_MINUTE: '0',
      // The audit log is sealed when a test asks (sealAudit), not by a job that would run among theirs.
      AUDIT_SEAL_SECONDS: '0',
    },
    overrides,
  );
}

export type DbContext = { db: Db; database: Database; kind: DriverKind };
export type AppContext = DbContext & { app: App; config: Config };

/** Runs the same tests once per database driver. Tests isolate themselves by the data they create. */
export function describeDb(name: string, body: (ctx: DbContext) => void): void {
  for (const kind of drivers) {
    describe(`${name} [${kind}]`, () => {
      const ctx = { kind } as DbContext;
      beforeAll(async () => {
        ctx.database = await testDatabase(kind);
        ctx.db = ctx.database.db;
      });
      body(ctx);
    });
  }
}

/**
 * Like describeDb, with the whole HTTP application built on that database (requests via app.inject). `ownDatabase`:
 * on PostgreSQL a fresh database with the reference data, for tests that read whole pages of rows, which other
 * files running at the same time would otherwise fill with theirs (PGlite is already one database per file).
 */
export function describeApp(
  name: string,
  body: (ctx: AppContext) => void,
  overrides: Partial<Config> = {},
  options: { ownDatabase?: boolean } = {},
): void {
  for (const kind of drivers) {
    describe(`${name} [${kind}]`, () => {
      const ctx = { kind } as AppContext;
      beforeAll(async () => {
        let drop = async () => undefined as void;
        if (options.ownDatabase && kind === 'postgres') {
          const fresh = await freshDatabase(kind);
          ({ database: ctx.database, drop } = fresh);
          await ctx.database.migrate();
          const { seedReference } = await import('../src/seed.ts');
          await seedReference(ctx.database.db);
        } else ctx.database = await testDatabase(kind);
        ctx.db = ctx.database.db;
        ctx.config = testConfig(overrides);
        ctx.app = await buildApp(ctx.config, ctx.database);
        await ctx.app.ready();
        return async () => {
          await ctx.app.close();
          await drop();
        };
      }, 120_000);
      body(ctx);
    });
  }
}
