import { execFile } from 'node:child_process';
import { BackupRefusal } from './refusal.ts';

/**
 * How to hand PostgreSQL's own tools the database: the URL without its password (a command line is visible to every
 * user of the machine in `ps`), and the password in their environment.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

/** Runs pg_dump or pg_restore on the database at `url`; fails with what the tool said. */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', url: string, args: string[]): Promise<void> {
  const { dbname, env } = connection(url);
  return new Promise((resolve, reject) => {
    execFile(tool, [...args, `--dbname=${dbname}`], { env, maxBuffer: 16 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (!err) return resolve();
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        return reject(
          new BackupRefusal(`${tool} is not installed: install PostgreSQL's client programs of the server's version`),
        );
      reject(new BackupRefusal(`${tool} failed:\n${stderr.trim() || err.message}`));
    });
  });
}
