import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accounts } from '../src/platform/auth/schema.ts';
import { openDatabase, pgliteFolder } from '../src/platform/db/index.ts';
import { cliEnv, runSikoe, sikoeBin } from './cli.ts';
import { freePort } from './server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A running `sikoe serve` (or `npm start`), its output so far, and what it printed about itself. */
type Served = {
  child: ChildProcess;
  output: () => string;
  url: string;
  pid: number;
  setupUrl?: string;
  exited: Promise<number | null>;
};

describe('the server process and the command line on one embedded database', { timeout: 90_000 }, () => {
  // A data folder of this file's own, made from the run's seeded image (migrating and seeding afresh takes seconds).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-serve-'));
  const env = cliEnv(dataDir, { LOG_LEVEL: 'warn', NODE_ENV: 'production', HOST: '127.0.0.1' });

  beforeAll(async () => {
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: pgliteFolder(dataDir),
      loadDataDir: new Blob([fs.readFileSync(inject('pgliteImage'))]),
    });
    await database.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const sikoe = (args: string[], stdin = '') => runSikoe(env, args, stdin);

  /** Starts the command and resolves once it says where it serves. */
  async function serve(command: string, args: string[]): Promise<Served> {
    const port = await freePort();
    const child = spawn(command, args, {
      cwd: root,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        output += d.toString();
        if (/kill -TERM \d+/.test(output)) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      void exited.then((code) => reject(new Error(`exited with ${code} before serving:\n${output}`)));
    });
    return {
      child,
      output: () => output,
      url: `http://localhost:${port}`,
      pid: Number(/kill -TERM (\d+)/.exec(output)![1]),
      setupUrl: /(http:\/\/\S+\/setup\?token=\S+)/.exec(output)?.[1],
      exited,
    };
  }

  it('makes the first admin through the setup link while serving, and every other command refuses at once', async () => {
    const server = await serve(process.execPath, [sikoeBin, 'serve']);
    try {
      expect(server.setupUrl, server.output()).toBeDefined();
      expect(server.output()).not.toContain('npx sikoe users create');

      // Each command that touches the database refuses straight away, changes nothing and says what to do.
      for (const args of [
        ['migrate'],
        ['seed', '--demo'],
        ['tokens', 'create', '--email', 'a@b.id'],
        ['audit', 'verify'],
        ['payments', 'settle', '123456789012345'],
      ]) {
        const run = await sikoe(args);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stderr).toContain(`open in another process: sikoe serve (pid ${server.pid}, serving ${server.url})`);
        expect(run.stderr).toContain(`kill -TERM ${server.pid}`);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
      const refused = await sikoe(
        [
          'users',
          'create',
          '--email',
          'cli@setup.sikoe.id',
          '--role',
          'admin',
          '--unit',
          'KANWIL-NTT',
          '--password-stdin',
        ],
        'a long enough password\n',
      );
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('setup link');

      // The setup page takes the first admin, once.
      const page = await fetch(server.setupUrl!);
      expect(page.status).toBe(200);
      const html = await page.text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
      const cookie = page.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const token = new URL(server.setupUrl!).searchParams.get('token')!;
      const email = `root-${crypto.randomUUID().slice(0, 8)}@setup.sikoe.id`;
      const post = (password: string) =>
        fetch(`${server.url}/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          body: new URLSearchParams({ _csrf: csrf, token, name: 'Root Admin', email, password }),
        });
      const short = await post('short');
      expect(short.status).toBe(422);
      expect(await short.text()).toContain('Root Admin'); // the form again, with what was typed
      const created = await post('a long enough password');
      expect(created.status).toBe(201);
      expect((await post('a long enough password')).status).toBe(404);
      expect((await fetch(server.setupUrl!)).status).toBe(404);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }

    // Stopped: the folder is free again, and the admin is there, exactly once.
    expect(fs.existsSync(`${pgliteFolder(dataDir)}.lock`)).toBe(false);
    const audit = await sikoe(['audit', 'verify']);
    expect(audit.code, audit.stderr).toBe(0);
    const database = await openDatabase({ kind: 'pglite', dataDir: pgliteFolder(dataDir) });
    try {
      const admins = await database.db.select().from(accounts).where(eq(accounts.role, 'admin'));
      expect(admins).toHaveLength(1);
      expect(admins[0]).toMatchObject({ name: 'Root Admin', unitCode: 'KANWIL-NTT', kind: 'officer' });
    } finally {
      await database.close();
    }
  });

  it('stops the server when npm start is sent SIGTERM, leaving no process behind', async () => {
    const npm = await serve('npm', ['start', '--silent']);
    expect((await fetch(`${npm.url}/healthz`)).status).toBe(200);
    expect(npm.pid).not.toBe(npm.child.pid);
    // npm and the server share the output pipe: it closes only when both have exited (an orphaned server keeps it
    // open, and the test times out).
    const closed = new Promise((resolve) => npm.child.stdout!.once('close', resolve));
    npm.child.kill('SIGTERM');
    await npm.exited;
    await closed;
    expect(() => process.kill(npm.pid, 0)).toThrow();
    expect(fs.existsSync(`${pgliteFolder(dataDir)}.lock`)).toBe(false);
  });
});
