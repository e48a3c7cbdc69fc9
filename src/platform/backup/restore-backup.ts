import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { lockFolder } from '../db/folder-lock.ts';
import { openDatabase, pgliteFolder, type Db } from '../db/index.ts';
import { uploadsFolder } from '../storage/open-storage.ts';
import { countRows, differences } from './count-rows.ts';
import { DATABASE_FILE, UPLOADS, uploadCount, type Manifest } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';
import { BackupRefusal } from './refusal.ts';
import { unpackBackup } from './unpack-backup.ts';

export type BackupRestored = {
  manifest: Manifest;
  /** Where the database went: the PGlite folder, or "PostgreSQL". */
  into: string;
  /** Where the uploaded files went, or undefined when the backup has none or uploads are kept in S3 here. */
  uploadsInto: string | undefined;
  uploads: number;
};

async function isEmpty(folder: string): Promise<boolean> {
  try {
    return (await fs.readdir(folder)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

/** Removes a folder only while it is empty (rmdir refuses one that is not), so nothing is ever deleted. */
async function removeEmpty(folder: string): Promise<void> {
  await fs.rmdir(folder).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

/** The restored database must hold every row the backup recorded, table by table. */
async function checkRows(db: Db, manifest: Manifest, where: string): Promise<void> {
  const wrong = differences(manifest.tables, await countRows(db));
  if (wrong.length > 0)
    throw new BackupRefusal(`${where} does not hold what the backup recorded:\n  ${wrong.join('\n  ')}`);
}

/** Loads the data folder in the unpacked backup, counts it, and only then moves it to its empty place. */
async function restoreEmbedded(dataDir: string, work: string, manifest: Manifest) {
  const target = pgliteFolder(dataDir);
  const release = lockFolder(target, { command: 'sikoe restore' });
  try {
    if (!(await isEmpty(target)))
      throw new BackupRefusal(`${target} is not empty: a restore goes into an empty folder and never replaces data`);
    const loaded = path.join(work, 'pglite');
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: loaded,
      loadDataDir: await openAsBlob(path.join(work, DATABASE_FILE.pglite)),
      holder: { command: 'sikoe restore' },
    });
    try {
      await checkRows(database.db, manifest, 'the restored database');
    } finally {
      await database.close();
    }
    await removeEmpty(target);
    await fs.rename(loaded, target);
  } finally {
    release();
  }
}

/** Refuses a PostgreSQL target that holds any table at all (counted without a request's statement timeout). */
async function refuseUnlessEmptyDatabase(url: string) {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 1, timeouts: { statementMs: 3_600_000 } });
  try {
    const tables = Object.keys(await countRows(database.db));
    if (tables.length > 0)
      throw new BackupRefusal(
        `the database at DATABASE_URL has ${tables.length} tables: a restore goes into an empty database (createdb a new one) and never replaces data`,
      );
  } finally {
    await database.close();
  }
}

/** pg_restore into the empty database at `url`, in one transaction: all of it or nothing. */
async function restorePostgres(url: string, work: string, manifest: Manifest) {
  // Counting national tables takes longer than a request may.
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 1, timeouts: { statementMs: 3_600_000 } });
  try {
    await runPgTool('pg_restore', url, [
      '--exit-on-error',
      '--single-transaction',
      path.join(work, DATABASE_FILE.postgres),
    ]);
    await checkRows(database.db, manifest, 'the database at DATABASE_URL');
  } finally {
    await database.close();
  }
}

/**
 * `sikoe restore <file>`: checks the backup whole, then restores its database into the empty PGlite folder (or the
 * empty database at DATABASE_URL) and its uploaded files into the empty uploads folder; the restored database must
 * count every row the backup recorded. Refuses, changing nothing, when any target holds data.
 */
export async function restoreBackup(config: Config, file: string): Promise<BackupRestored> {
  // The database's target is checked before anything is unpacked or created.
  if (config.databaseUrl) await refuseUnlessEmptyDatabase(config.databaseUrl);
  else if (!(await isEmpty(pgliteFolder(config.dataDir))))
    throw new BackupRefusal(
      `${pgliteFolder(config.dataDir)} is not empty: a restore goes into an empty folder and never replaces data`,
    );
  await fs.mkdir(config.dataDir, { recursive: true });
  const work = path.join(config.dataDir, `restore-${crypto.randomUUID()}`);
  try {
    const manifest = await unpackBackup(path.resolve(file), work);
    const kind = config.databaseUrl ? 'postgres' : 'pglite';
    if (manifest.database.kind !== kind)
      throw new BackupRefusal(
        manifest.database.kind === 'pglite'
          ? 'this is a backup of the embedded database: restore it without DATABASE_URL'
          : 'this is a backup of PostgreSQL: set DATABASE_URL to the empty database to restore it into',
      );
    const uploads = uploadCount(manifest);
    const uploadsInto = uploads > 0 && !config.s3 ? uploadsFolder(config.dataDir) : undefined;
    if (uploadsInto && !(await isEmpty(uploadsInto)))
      throw new BackupRefusal(`${uploadsInto} is not empty: a restore never replaces uploaded files`);
    // The uploads go first, as they are the easy part to take back: a database that fails to restore leaves the
    // uploads folder empty again, and a database restored never lacks its files.
    if (uploadsInto) {
      await removeEmpty(uploadsInto);
      await fs.rename(path.join(work, UPLOADS), uploadsInto);
    }
    try {
      if (config.databaseUrl) await restorePostgres(config.databaseUrl, work, manifest);
      else await restoreEmbedded(config.dataDir, work, manifest);
    } catch (err) {
      if (uploadsInto) {
        await fs.rm(uploadsInto, { recursive: true, force: true });
        await fs.mkdir(uploadsInto, { recursive: true });
      }
      throw err;
    }
    return { manifest, into: config.databaseUrl ? 'PostgreSQL' : pgliteFolder(config.dataDir), uploadsInto, uploads };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
