import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/platform/config.ts';
import type { DriverKind } from '../src/platform/db/index.ts';
import type { App } from '../src/platform/http/server.ts';
import { testConfig, testDatabase } from './db.ts';
import { parseEml } from './mail.ts';

export type TestServer = {
  /** http://127.0.0.1:<port>, also the configured public URL, so links in mail point back here. */
  url: string;
  app: App;
  config: Config;
  close(): Promise<void>;
};

/** A port nobody listens on right now (the OS picks it); the caller retries if someone takes it first. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The real server on a real socket, for browser tests: the whole application on the worker's test database,
 * listening on 127.0.0.1. Jobs run when the test calls `app.deps.jobs.runDue()`, or on their own with `jobs: 'poll'`.
 */
export async function startServer(
  options: { kind?: DriverKind; jobs?: 'manual' | 'poll'; overrides?: Partial<Config> } = {},
): Promise<TestServer> {
  const database = await testDatabase(options.kind ?? 'pglite');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const config = testConfig({ port, host: '127.0.0.1', publicUrl: url, ...options.overrides });
    const app = await buildApp(config, database);
    try {
      await app.listen({ port, host: '127.0.0.1' });
    } catch (err) {
      await app.close();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE' && attempt < 5) continue;
      throw err;
    }
    if (options.jobs === 'poll') app.deps.jobs.start();
    return {
      url,
      app,
      config,
      async close() {
        await app.deps.jobs.stop();
        await app.close();
      },
    };
  }
}

/** Every message in the run's mail folder, oldest first (other tests' too: pick yours by recipient). */
export async function readMails(server: TestServer) {
  const dir = path.join(server.config.dataDir, 'mail');
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return files.map((f) => parseEml(path.join(dir, f)));
}
