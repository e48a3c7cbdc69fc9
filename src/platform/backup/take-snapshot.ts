import fs from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Executor } from '../db/index.ts';
import { countRows } from './count-rows.ts';
import { DATABASE_FILE, UPLOADS } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';

/** What a backup is made of, gathered in `folder` before it is packed into one file. */
export type Snapshot = {
  folder: string;
  kind: 'pglite' | 'postgres';
  serverVersion: string;
  /** Rows per table in the very state the database file holds. */
  tables: Record<string, number>;
  /** PGlite: how long every other statement waited for the snapshot, in milliseconds. */
  pausedMs?: number;
};

async function serverVersion(db: Executor): Promise<string> {
  const [row] = await queryRows<{ server_version: string }>(db, sql`show server_version`);
  return row!.server_version;
}

/**
 * The embedded database and the uploads folder as they are between two transactions. PGlite runs one statement at
 * a time and holds a transaction's turn from its BEGIN to its end, so inside a transaction of ours nothing else runs
 * or commits: the rows counted, the data folder dumped and the uploads linked are one moment's. That moment stops
 * the server only for the dump (an in-memory copy) and the links, not for compressing and writing the files.
 */
export async function snapshotPglite(database: Database, folder: string, uploads?: string): Promise<Snapshot> {
  await fs.mkdir(folder, { mode: 0o700 });
  // A checkpoint first, so that the dump's pages are recent and restoring it replays little WAL.
  await database.db.execute(sql`checkpoint`);
  const taken = await database.db.transaction(async (tx) => {
    const paused = performance.now();
    const tables = await countRows(tx);
    const version = await serverVersion(tx);
    const dump = await database.dumpDataDir!('none');
    if (uploads) await linkTree(uploads, path.join(folder, UPLOADS));
    return { tables, version, dump, pausedMs: Math.round(performance.now() - paused) };
  });
  await pipeline(
    Readable.fromWeb(taken.dump.stream() as ReadableStream),
    createGzip(),
    createWriteStream(path.join(folder, DATABASE_FILE.pglite), { flags: 'wx' }),
  );
  return { folder, kind: 'pglite', serverVersion: taken.version, tables: taken.tables, pausedMs: taken.pausedMs };
}

/**
 * PostgreSQL's logical dump (`pg_dump -Fc`) of one snapshot, counted in that same snapshot: a transaction of ours
 * exports it, counts, and stays open while pg_dump reads it. Writers carry on meanwhile. The uploads are linked
 * after the snapshot: a file uploaded since is merely extra, and only a file whose last reference was removed and
 * then deleted within that instant can be missing.
 */
export async function snapshotPostgres(url: string, folder: string, uploads?: string): Promise<Snapshot> {
  await fs.mkdir(folder, { mode: 0o700 });
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  // A client of its own, without the pool's query timeout: counting national tables and dumping take minutes.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let snapshot: Omit<Snapshot, 'folder' | 'kind'>;
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query('set local idle_in_transaction_session_timeout = 0; set local statement_timeout = 0');
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const db = drizzle(client);
    snapshot = { tables: await countRows(db), serverVersion: await serverVersion(db) };
    await runPgTool('pg_dump', url, [
      '--format=custom',
      `--snapshot=${rows[0]!.id}`,
      `--file=${path.join(folder, DATABASE_FILE.postgres)}`,
    ]);
    await client.query('commit');
  } finally {
    await client.end();
  }
  if (uploads) await linkTree(uploads, path.join(folder, UPLOADS));
  return { folder, kind: 'postgres', ...snapshot };
}

/**
 * Hard links to every stored file under `from`, in the same places under `to`: instant, and immune to what the
 * server does next, since storage replaces a file by renaming a new one over it and deletes by unlinking. Files
 * still being written (storage's `*.tmp` names) are left out. Copies where the two are on different file systems.
 */
async function linkTree(from: string, to: string): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(from, { recursive: true, withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.link(source, target).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EXDEV') return fs.copyFile(source, target);
      // Deleted by the job runner since it was listed: the database no longer names it.
      if (err.code === 'ENOENT') return;
      throw err;
    });
  }
}
