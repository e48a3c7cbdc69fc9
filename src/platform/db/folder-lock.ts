import fs from 'node:fs';

/** Who holds an embedded database folder: written into the lock file, shown to whoever is refused. */
export type LockHolder = { pid: number; command: string; url?: string; since: string };

/** The folder is open in another live process: PGlite is one process's database, a second one would corrupt it. */
export class FolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(`${folder} is in use by process ${holder.pid} (${holder.command}${holder.url ? ` at ${holder.url}` : ''})`);
    this.name = 'FolderInUseError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds. */
const heldHere = new Set<string>();

function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock file beside an embedded database folder, or throws FolderInUseError at once when a live process
 * holds it. A lock left by a process that died is taken over. Returns the release function (idempotent).
 */
export function lockFolder(folder: string, holder: Omit<LockHolder, 'pid' | 'since'>): () => void {
  const file = `${folder}.lock`;
  const mine: LockHolder = { pid: process.pid, since: new Date().toISOString(), ...holder };
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const other = readHolder(file);
      // A lock naming this process's pid that this process did not take was left by an earlier one that died with
      // the same pid (a container's node is often pid 1 at every start): stale, as one naming a process that is gone.
      const live = other && (other.pid === process.pid ? heldHere.has(file) : alive(other.pid));
      if (other && live) throw new FolderInUseError(folder, other);
      if (attempt > 0) throw err;
      // Stale: its process is gone (or the file is unreadable). Remove it and try once more; if another process
      // takes it in between, the second write fails with EEXIST and that process wins.
      fs.rmSync(file, { force: true });
    }
  }
  heldHere.add(file);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.once('exit', release);
  return release;
}
