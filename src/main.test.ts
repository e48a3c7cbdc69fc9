import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { drivers, testConfig } from '../test/db.ts';
import { uniqueEmail } from '../test/factories.ts';
import { start } from './main.ts';
import { openDatabase, ping, type Database, type DriverKind } from './platform/db/index.ts';
import { jobs } from './platform/jobs/schema.ts';
import { enqueueMail } from './platform/mail/mailer.ts';

// The server owns (and closes) its database, so each test opens one of its own next to the shared test database.
const open = (kind: DriverKind): Promise<Database> =>
  kind === 'postgres'
    ? openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, poolSize: 2 })
    : openDatabase({ kind: 'pglite', loadDataDir: new Blob([fs.readFileSync(inject('pgliteImage'))]) });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('server start and stop', () => {
  for (const kind of drivers) {
    it(`serves HTTP, runs jobs, and on stop closes the server, the jobs and the database [${kind}]`, async () => {
      const config = testConfig({ port: 0, host: '127.0.0.1', jobsPollMs: 50 });
      const running = await start(config, await open(kind));
      const { port } = running.app.server.address() as AddressInfo;
      try {
        const base = `http://127.0.0.1:${port}`;
        const health = await fetch(`${base}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({ status: 'ok' });
        expect((await fetch(`${base}/readyz`)).status).toBe(200);

        // The job runner is running: a queued mail is written without anyone calling runDue. (On the shared
        // PostgreSQL another runner may take it; then it lands in that runner's folder.)
        const to = uniqueEmail('serve');
        await running.database.db.transaction((tx) =>
          enqueueMail(tx, { to, subject: 'Started', text: 'The job runner works.' }),
        );
        const mailDir = path.join(config.dataDir, 'mail');
        const delivered = async () => {
          const rows = await running.database.db
            .select({ doneAt: jobs.doneAt })
            .from(jobs)
            .where(sql`${jobs.payload}->>'to' = ${to}`);
          return rows[0]?.doneAt != null;
        };
        for (let i = 0; i < 100 && !(await delivered()); i++) await sleep(50);
        expect(await delivered()).toBe(true);
        if (kind === 'pglite') expect(fs.readdirSync(mailDir).some((f) => f.endsWith('.eml'))).toBe(true);
      } finally {
        await running.stop();
      }

      expect(running.app.server.listening).toBe(false);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      expect(await ping(running.database.db)).toBe(false);
      // Stopping again (a second signal) is harmless.
      await running.stop();
    });
  }

  it('closes the database when starting fails', async () => {
    const database = await open('pglite');
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      await expect(start(testConfig({ port, host: '127.0.0.1' }), database)).rejects.toThrow(
        /EADDRINUSE|address already in use/,
      );
      expect(await ping(database.db)).toBe(false);
    } finally {
      blocker.close();
    }
  });
});
