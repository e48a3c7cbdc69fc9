import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, inject } from 'vitest';
import { appendAudit } from '../src/platform/audit/append-audit.ts';
import { ensureSigningKey, loadSigner } from '../src/platform/audit/checkpoint.ts';
import { latestCheckpoint, sealAudit } from '../src/platform/audit/seal-audit.ts';
import { verifyAudit } from '../src/platform/audit/verify-audit.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import { openDatabase, pgliteFolder, queryRows, type Db } from '../src/platform/db/index.ts';

/** Opens a PGlite data folder (`DATA_DIR/pglite`) for one piece of work, and always closes it. */
export async function withEmbedded<T>(dataDir: string, work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir: pgliteFolder(dataDir) });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** A PGlite data folder of the test's own, made from the run's migrated and seeded image. */
export async function embeddedFolderFromImage(folder: string): Promise<void> {
  const database = await openDatabase({
    kind: 'pglite',
    dataDir: folder,
    loadDataDir: new Blob([fs.readFileSync(inject('pgliteImage'))]),
  });
  await database.close();
}

/**
 * Every table's rows as one digest per table ("schema.table" → md5 of its rows' md5s in order): two databases with
 * the same digests hold the same rows, column for column.
 */
export async function tableDigests(db: Db, only?: string[]): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select quote_ident(table_schema) || '.' || quote_ident(table_name) as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`,
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables.filter((t) => !only || only.includes(t.name))) {
    const [row] = await queryRows<{ digest: string }>(
      db,
      sql.raw(`select md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as digest from ${name} t`),
    );
    digests[name] = row!.digest;
  }
  return digests;
}

/** Each row of the table as the md5 of its text: to find the rows of one database in another. */
export async function rowDigests(db: Db, table: string): Promise<Set<string>> {
  const rows = await queryRows<{ digest: string }>(db, sql.raw(`select md5(t::text) as digest from ${table} t`));
  return new Set(rows.map((r) => r.digest));
}

const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-backup-key-')), 'key.pem');
ensureSigningKey(keyFile);
const signer = loadSigner(keyFile, 'backup.test/audit');

/** Seals the audit log as the server's job does, and returns the checkpoint an Ombudsman would have kept. */
export async function keptCheckpoint(db: Db): Promise<string> {
  await sealAudit(db, signer, { wait: true });
  return (await latestCheckpoint(db))!.note;
}

/**
 * The restored audit log verifies against the last checkpoint kept before the backup, and goes on: an entry written
 * after the restore is sealed after those restored, and the log still verifies. (It adds rows: digest first.)
 */
export async function expectAuditVerifies(db: Db, kept: string): Promise<void> {
  const size = Number(kept.split('\n')[1]);
  const result = await verifyAudit(db, signer.verifier, { kept });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true, checkedAgainst: size });
  await appendAudit(db, systemCaller('backup-test'), { action: 'test.after-restore' });
  expect((await sealAudit(db, signer, { wait: true }))?.added).toBeGreaterThanOrEqual(1);
  expect(await verifyAudit(db, signer.verifier, { kept })).toMatchObject({ ok: true, checkedAgainst: size });
}
