import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FolderInUseError, lockFolder } from './folder-lock.ts';

const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-lock-')), 'pglite');
const lockFile = `${folder}.lock`;
const leftBy = (pid: number) =>
  fs.writeFileSync(lockFile, JSON.stringify({ pid, command: 'serve', since: '2026-12-01T00:00:00.000Z' }));

afterEach(() => fs.rmSync(lockFile, { force: true }));

it('refuses a folder a live process holds, naming it', () => {
  // The test runner's parent is alive and is not this process.
  leftBy(process.ppid);
  expect(() => lockFolder(folder, { command: 'users create' })).toThrow(FolderInUseError);
  expect(() => lockFolder(folder, { command: 'users create' })).toThrow(`process ${process.ppid} (serve)`);
});

it('takes over a lock left by a process that is gone, or by an earlier process with this pid', () => {
  leftBy(2 ** 22 + 1);
  const release = lockFolder(folder, { command: 'serve' });
  expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
  release();
  expect(fs.existsSync(lockFile)).toBe(false);

  // A container's node is pid 1 at every start: after a crash the lock names the new process itself.
  leftBy(process.pid);
  lockFolder(folder, { command: 'serve' })();
  expect(fs.existsSync(lockFile)).toBe(false);
});

it('refuses a second open of a folder this process already holds', () => {
  const release = lockFolder(folder, { command: 'serve' });
  expect(() => lockFolder(folder, { command: 'serve' })).toThrow(FolderInUseError);
  release();
});
