import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { start } from '../src/main.ts';

/**
 * Creates the bench's own PostgreSQL database when it is missing (`fresh`: drops it first). Refuses the tests' database (`test`) and any name
 * that is not plain lower-case letters, digits and underscores, as the name goes into `create database` unquoted.
 */
export async function ensureBenchDatabase(url: string, fresh = false): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name) || name === 'test') throw new Error(`refusing to use database "${name}"`);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  if (fresh) await admin.query(`drop database if exists ${name} with (force)`);
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!rowCount) await admin.query(`create database ${name}`);
  await admin.end();
}

/**
 * Where a bench server on a kept database keeps the audit signing key: beside the database's name, not in the run's
 * data folder, as the database holds checkpoints the next run's sealer must extend with the same key.
 */
export function benchAuditKeyFile(url: string): string {
  const name = new URL(url).pathname.slice(1).replace(/[^A-Za-z0-9_-]/g, '_');
  return path.join(os.tmpdir(), `sikoe-bench-${name}-audit-key.pem`);
}

/** The app as `npm start` runs it, on the bench's PostgreSQL database, on a free port of 127.0.0.1, logging warnings. */
export async function startBenchServer(url: string, name: string) {
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `sikoe-bench-${name}-`)),
    AUDIT_SIGNING_KEY_FILE: benchAuditKeyFile(url),
    LOG_LEVEL: 'warn',
    DATABASE_URL: url,
  });
  const running = await start(config, await openDatabase({ kind: 'postgres', url: config.databaseUrl! }));
  const address = running.app.server.address();
  return { running, port: typeof address === 'object' && address ? address.port : 0 };
}
