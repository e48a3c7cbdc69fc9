import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { FolderInUseError } from '../db/folder-lock.ts';
import { openDatabase, pgliteFolder } from '../db/index.ts';
import { uploadsFolder } from '../storage/open-storage.ts';
import { snapshotFromServer } from './admin-channel.ts';
import type { Manifest } from './manifest.ts';
import { packBackup } from './pack-backup.ts';
import { BackupRefusal } from './refusal.ts';
import { snapshotPglite, snapshotPostgres, type Snapshot } from './take-snapshot.ts';

/** A new folder under the data folder for a backup's files: on the uploads' file system, so they can be linked. */
export const stagingFolder = (dataDir: string) => path.join(dataDir, `backup-${crypto.randomUUID()}`);

export type BackupTaken = {
  file: string;
  manifest: Manifest;
  /** Who took the snapshot: this command on the folder or on PostgreSQL, or the server holding the folder. */
  by: { server: false } | { server: true; pid: number };
  /** PGlite: how long the database answered nothing else while the snapshot was taken. */
  pausedMs?: number;
};

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** The embedded database: opened here when no process holds it, else snapshotted by the server that does. */
async function snapshotEmbedded(
  config: Config,
  staging: string,
  uploads: string | undefined,
): Promise<[Snapshot, BackupTaken['by']]> {
  const folder = pgliteFolder(config.dataDir);
  if (!(await exists(path.join(folder, 'PG_VERSION'))))
    throw new BackupRefusal(`there is no embedded database in ${folder}: nothing to back up`);
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: folder, holder: { command: 'sikoe backup' } });
    try {
      return [await snapshotPglite(database, staging, uploads), { server: false }];
    } finally {
      await database.close();
    }
  } catch (err) {
    if (!(err instanceof FolderInUseError)) throw err;
    return [await snapshotFromServer(config.dataDir, err.holder), { server: true, pid: err.holder.pid }];
  }
}

/**
 * `sikoe backup <file>`: the database (PGlite's data folder, or PostgreSQL's logical dump) and, when uploads are
 * kept in a folder, the uploaded files, taken at one moment while Sikoe runs, packed into `file` (never replaced).
 */
export async function takeBackup(config: Config, file: string): Promise<BackupTaken> {
  const target = path.resolve(file);
  if (await exists(target)) throw new BackupRefusal(`${target} already exists: a backup never replaces a file`);
  if (!(await exists(path.dirname(target)))) throw new BackupRefusal(`there is no folder ${path.dirname(target)}`);
  const uploads = config.s3 ? undefined : uploadsFolder(config.dataDir);
  await fs.mkdir(config.dataDir, { recursive: true });
  // Gathered here, or by the server in a folder it names; both are removed whatever happens.
  const staging = stagingFolder(config.dataDir);
  let snapshot: Snapshot | undefined;
  try {
    let by: BackupTaken['by'] = { server: false };
    if (config.databaseUrl) snapshot = await snapshotPostgres(config.databaseUrl, staging, uploads);
    else [snapshot, by] = await snapshotEmbedded(config, staging, uploads);
    return { file: target, manifest: await packBackup(snapshot, target), by, pausedMs: snapshot.pausedMs };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
    if (snapshot) await fs.rm(snapshot.folder, { recursive: true, force: true });
  }
}
