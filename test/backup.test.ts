import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/accounts/api-tokens.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import { restoreBackup } from '../src/platform/backup/restore-backup.ts';
import { takeBackup } from '../src/platform/backup/take-backup.ts';
import { pgliteFolder, type Db } from '../src/platform/db/index.ts';
import { FolderStorage } from '../src/platform/storage/folder-storage.ts';
import { uploadsFolder } from '../src/platform/storage/open-storage.ts';
import { seedReference } from '../src/seed.ts';
import { embeddedFolderFromImage, withEmbedded, expectAuditVerifies, keptCheckpoint, tableDigests } from './backup.ts';
import { freshDatabase, testConfig } from './db.ts';
import { makeCitizen } from './factories.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-backup-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const folder = (name: string) => path.join(root, name);

/** Rows of several features with audit entries, through a real use case. */
async function addRecords(db: Db): Promise<void> {
  const account = await makeCitizen(db);
  for (let i = 0; i < 3; i++)
    await db.transaction((tx) => createApiToken(tx, systemCaller('backup-test'), account.id, `token ${i}`));
}

describe('backup and restore of the embedded database', { timeout: 120_000 }, () => {
  const source = folder('source');
  const file = folder('embedded.tar');
  const upload = { key: `applications/${crypto.randomUUID()}/${crypto.randomUUID()}`, bytes: crypto.randomBytes(5000) };

  it('restores into an empty folder every row of every table, the uploaded files, and an audit trail that verifies', async () => {
    await embeddedFolderFromImage(pgliteFolder(source));
    const kept = await withEmbedded(source, async (db) => {
      await addRecords(db);
      return keptCheckpoint(db);
    });
    await new FolderStorage(uploadsFolder(source)).put(upload.key, upload.bytes, 'application/pdf');

    const taken = await takeBackup(testConfig({ dataDir: source }), file);
    expect(taken.by).toEqual({ server: false });
    expect(taken.manifest.tables['public.api_tokens']).toBeGreaterThanOrEqual(3);
    // Every citizen's personal data: readable by its owner alone.
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const restored = folder('restored');
    const result = await restoreBackup(testConfig({ dataDir: restored }), file);
    expect(result).toMatchObject({ into: pgliteFolder(restored), uploadsInto: uploadsFolder(restored), uploads: 1 });

    const before = await withEmbedded(source, (db) => tableDigests(db));
    const after = await withEmbedded(restored, async (db) => {
      const digests = await tableDigests(db);
      await expectAuditVerifies(db, kept);
      return digests;
    });
    expect(Object.keys(after).length).toBeGreaterThan(100);
    expect(after).toEqual(before);
    const stored = await new FolderStorage(uploadsFolder(restored)).get(upload.key);
    expect(stored.mediaType).toBe('application/pdf');
    expect(Buffer.concat(await stored.body.toArray())).toEqual(upload.bytes);
    // Nothing of the work is left behind in either data folder.
    expect(fs.readdirSync(source).sort()).toEqual(['pglite', 'uploads']);
    expect(fs.readdirSync(restored).sort()).toEqual(['pglite', 'uploads']);
  });

  it('refuses, changing nothing, a folder that holds data, a file that exists and a damaged backup', async () => {
    const before = await withEmbedded(source, (db) => tableDigests(db, ['public.api_tokens']));
    await expect(restoreBackup(testConfig({ dataDir: source }), file)).rejects.toThrow(/pglite is not empty/);
    expect(await withEmbedded(source, (db) => tableDigests(db, ['public.api_tokens']))).toEqual(before);

    // Uploads alone are data too.
    const uploadsOnly = folder('uploads-only');
    await new FolderStorage(uploadsFolder(uploadsOnly)).put('complaints/x1/y1', Buffer.from('kept'), 'text/plain');
    await expect(restoreBackup(testConfig({ dataDir: uploadsOnly }), file)).rejects.toThrow(/uploads is not empty/);
    expect(fs.readdirSync(uploadsOnly)).toEqual(['uploads']);

    await expect(takeBackup(testConfig({ dataDir: source }), file)).rejects.toThrow(/already exists/);

    const damaged = folder('damaged.tar');
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(damaged, bytes);
    const empty = folder('empty');
    await expect(restoreBackup(testConfig({ dataDir: empty }), damaged)).rejects.toThrow(/damaged/);
    expect(fs.readdirSync(empty)).toEqual([]);

    // A link in the archive is refused before anything is unpacked.
    const odd = folder('odd');
    fs.mkdirSync(odd);
    fs.symlinkSync('/etc/passwd', path.join(odd, 'pglite.tar.gz'));
    const linked = folder('linked.tar');
    execFileSync('tar', ['--create', `--file=${linked}`, `--directory=${odd}`, 'pglite.tar.gz']);
    await expect(restoreBackup(testConfig({ dataDir: empty }), linked)).rejects.toThrow(/holds links/);
    expect(fs.readdirSync(empty)).toEqual([]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('backup and restore of PostgreSQL', { timeout: 120_000 }, () => {
  it('restores into an empty database every row of every table, and an audit trail that verifies', async () => {
    const source = await freshDatabase('postgres');
    const target = await freshDatabase('postgres');
    try {
      await source.database.migrate();
      await seedReference(source.database.db);
      await addRecords(source.database.db);
      const kept = await keptCheckpoint(source.database.db);
      const file = folder('postgres.tar');
      const taken = await takeBackup(testConfig({ dataDir: folder('pg-source'), databaseUrl: source.url }), file);
      expect(taken.manifest.database.kind).toBe('postgres');

      await restoreBackup(testConfig({ dataDir: folder('pg-target'), databaseUrl: target.url }), file);
      const after = await tableDigests(target.database.db);
      expect(Object.keys(after).length).toBeGreaterThan(100);
      expect(after).toEqual(await tableDigests(source.database.db));
      await expectAuditVerifies(target.database.db, kept);

      // The source holds data: restoring over it is refused, and it keeps its rows.
      await expect(
        restoreBackup(testConfig({ dataDir: folder('pg-again'), databaseUrl: source.url }), file),
      ).rejects.toThrow(/has \d+ tables: a restore goes into an empty database/);
      // …before anything was unpacked or created.
      expect(fs.existsSync(folder('pg-again'))).toBe(false);
    } finally {
      await source.drop();
      await target.drop();
    }
  });
});
