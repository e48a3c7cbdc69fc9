import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../paths.ts';
import { checkFile, MANIFEST, type Manifest } from './manifest.ts';
import { BackupRefusal } from './refusal.ts';
import type { Snapshot } from './take-snapshot.ts';

const run = promisify(execFile);

/** Every regular file under `folder`, as paths relative to it with `/` between names. */
export async function filesUnder(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function sikoeVersion(): Promise<string> {
  const manifest = JSON.parse(await fs.readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Packs a snapshot into one tar file (GNU tar, so any machine can list and open it): the manifest first, with every
 * file's size and SHA-256 and the snapshot's row counts. Written under a temporary name, flushed to disk, then
 * linked to `file`, which fails rather than replace a file already there; a crash leaves no half backup under it.
 */
export async function packBackup(snapshot: Snapshot, file: string): Promise<Manifest> {
  const names = await filesUnder(snapshot.folder);
  const files: Manifest['files'] = {};
  for (const name of names) files[name] = await checkFile(path.join(snapshot.folder, name));
  const manifest: Manifest = {
    format: 'sikoe-backup/1',
    createdAt: new Date().toISOString(),
    sikoeVersion: await sikoeVersion(),
    database: { kind: snapshot.kind, serverVersion: snapshot.serverVersion },
    tables: snapshot.tables,
    files,
  };
  await fs.writeFile(path.join(snapshot.folder, MANIFEST), JSON.stringify(manifest, null, 2));
  const top = [...new Set(names.map((n) => n.split('/')[0]!))];
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomUUID()}.tmp`);
  try {
    await run('tar', ['--create', `--file=${temporary}`, `--directory=${snapshot.folder}`, '--', MANIFEST, ...top]);
    // It holds every citizen's personal data: readable by its owner alone, whatever the umask.
    await fs.chmod(temporary, 0o600);
    const handle = await fs.open(temporary, 'r+');
    await handle.sync().finally(() => handle.close());
    await fs.link(temporary, file).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EEXIST') throw new BackupRefusal(`${file} already exists: a backup never replaces a file`);
      throw err;
    });
    const folder = await fs.open(path.dirname(file), 'r');
    await folder.sync().finally(() => folder.close());
  } finally {
    await fs.rm(temporary, { force: true });
  }
  return manifest;
}
