import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkFile, Manifest, MANIFEST } from './manifest.ts';
import { filesUnder } from './pack-backup.ts';
import { BackupRefusal } from './refusal.ts';

const run = promisify(execFile);

/**
 * Refuses, before anything is written, an archive holding anything but plain files and folders (links, devices,
 * FIFOs) or a name that climbs out of the folder: `tar --list --verbose` starts each line with the entry's type.
 */
async function refuseOddEntries(file: string): Promise<void> {
  const listed = await run('tar', ['--list', '--verbose', `--file=${file}`], { maxBuffer: 256 * 1024 * 1024 }).catch(
    (err: { stderr?: string }) => {
      throw new BackupRefusal(`${file} is not a tar file: ${err.stderr?.trim() ?? ''}`);
    },
  );
  const names = await run('tar', ['--list', `--file=${file}`], { maxBuffer: 256 * 1024 * 1024 });
  const odd = listed.stdout.split('\n').some((line) => line !== '' && line[0] !== '-' && line[0] !== 'd');
  const climbing = names.stdout.split('\n').some((name) => name.startsWith('/') || name.split('/').includes('..'));
  if (odd || climbing) throw new BackupRefusal(`${file} holds links, devices or paths outside it: not a Sikoe backup`);
}

/**
 * Unpacks a backup into `folder` (new) and checks it whole: its manifest, exactly the files it lists, each of the
 * size and SHA-256 it gives, and nothing but plain files and folders.
 */
export async function unpackBackup(file: string, folder: string): Promise<Manifest> {
  await fs.access(file).catch(() => {
    throw new BackupRefusal(`cannot read ${file}`);
  });
  await refuseOddEntries(file);
  await fs.mkdir(folder, { mode: 0o700 });
  await run('tar', ['--extract', `--file=${file}`, `--directory=${folder}`, '--no-same-owner']).catch(
    (err: { stderr?: string }) => {
      throw new BackupRefusal(`${file} is not a tar file: ${err.stderr?.trim() ?? ''}`);
    },
  );
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  if (entries.some((e) => !e.isFile() && !e.isDirectory()))
    throw new BackupRefusal(`${file} holds links or devices: not a Sikoe backup`);
  const text = await fs.readFile(path.join(folder, MANIFEST), 'utf8').catch(() => {
    throw new BackupRefusal(`${file} has no ${MANIFEST}: not a Sikoe backup`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupRefusal(`${file} is damaged: its manifest is not JSON`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) throw new BackupRefusal(`${file} has a manifest this Sikoe does not read`);
  const manifest = parsed.data;
  const found = (await filesUnder(folder)).filter((name) => name !== MANIFEST);
  const listed = Object.keys(manifest.files).sort();
  const extra = found.filter((name) => !Object.hasOwn(manifest.files, name));
  const present = new Set(found);
  const missing = listed.filter((name) => !present.has(name));
  if (extra.length > 0 || missing.length > 0)
    throw new BackupRefusal(
      `${file} is damaged: ${[...missing.map((n) => `${n} missing`), ...extra.map((n) => `${n} not listed`)].join(', ')}`,
    );
  for (const name of listed) {
    const check = await checkFile(path.join(folder, name));
    const want = manifest.files[name]!;
    if (check.bytes !== want.bytes || check.sha256 !== want.sha256)
      throw new BackupRefusal(`${file} is damaged: ${name} differs from its checksum`);
  }
  return manifest;
}
