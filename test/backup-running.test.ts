import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/accounts/api-tokens.ts';
import { start } from '../src/main.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import { adminChannelFile } from '../src/platform/backup/admin-channel.ts';
import { Manifest } from '../src/platform/backup/manifest.ts';
import { pgliteFolder } from '../src/platform/db/index.ts';
import { embeddedFolderFromImage, withEmbedded, expectAuditVerifies, keptCheckpoint, rowDigests } from './backup.ts';
import { cliEnv, runSikoe } from './cli.ts';
import { testConfig } from './db.ts';
import { makeCitizen } from './factories.ts';
import { freePort } from './server.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-backup-running-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function until(what: string, done: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('a backup of the embedded database while the server holds it and writes', { timeout: 180_000 }, () => {
  it('is one moment of the database: restored, it holds the writes before it, none after, and a verifying audit trail', async () => {
    const source = path.join(root, 'source');
    await embeddedFolderFromImage(pgliteFolder(source));
    const config = testConfig({ dataDir: source, host: '127.0.0.1', port: await freePort() });
    const running = await start(config);
    const { db } = running.database;
    const file = path.join(root, 'running.tar');
    let backup;
    let written = 0;
    let writing = true;
    try {
      expect(fs.existsSync(adminChannelFile(source))).toBe(true);
      const account = await makeCitizen(db);
      // Each write is a transaction of two rows in two tables, a token and its audit entry, one per turn of the event
      // loop as requests come (PGlite answers within the turn: a loop without I/O would never let the backup in).
      const writer = (async () => {
        while (writing) {
          await db.transaction((tx) => createApiToken(tx, systemCaller('backup-test'), account.id, `t${written}`));
          written++;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      await until('the first writes', () => written >= 5);
      const kept = await keptCheckpoint(db);
      const before = written;
      backup = await runSikoe(cliEnv(source), ['backup', file]);
      const after = written;
      await until('writes after the backup', () => written >= after + 5);
      writing = false;
      await writer;
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain(`snapshot by the running server, pid ${process.pid}`);
      expect(after).toBeGreaterThan(before);

      const restored = path.join(root, 'restored');
      const restore = await runSikoe(cliEnv(restored), ['restore', file]);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain('each table as counted at the backup');

      const manifest = Manifest.parse(
        JSON.parse(
          execFileSync('tar', ['--extract', '--to-stdout', `--file=${file}`, 'sikoe-backup.json'], {
            encoding: 'utf8',
          }),
        ),
      );
      const tokens = manifest.tables['public.api_tokens']!;
      // The snapshot fell while writes went on: after the ones before the command, before the ones after it.
      expect(tokens).toBeGreaterThanOrEqual(before);
      expect(tokens).toBeLessThan(written);

      await running.stop();
      const sourceRows = await withEmbedded(source, async (sourceDb) => ({
        tokens: await rowDigests(sourceDb, 'public.api_tokens'),
        audit: await rowDigests(sourceDb, 'public.audit_log'),
      }));
      await withEmbedded(restored, async (restoredDb) => {
        const restoredTokens = await rowDigests(restoredDb, 'public.api_tokens');
        const restoredAudit = await rowDigests(restoredDb, 'public.audit_log');
        expect(restoredTokens.size).toBe(tokens);
        expect(restoredAudit.size).toBe(manifest.tables['public.audit_log']);
        // Every restored row is the source's row, column for column: no half-written transaction came along.
        expect([...restoredTokens].filter((row) => !sourceRows.tokens.has(row))).toEqual([]);
        expect([...restoredAudit].filter((row) => !sourceRows.audit.has(row))).toEqual([]);
        await expectAuditVerifies(restoredDb, kept);
      });
    } finally {
      writing = false;
      await running.stop();
    }
    expect(fs.existsSync(adminChannelFile(source))).toBe(false);
    expect(fs.readdirSync(source).filter((name) => name.startsWith('backup-'))).toEqual([]);
  });
});
