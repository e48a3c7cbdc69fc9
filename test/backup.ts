import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { expect, inject } from 'vitest';
import { verifyAudit } from '../src/platform/audit/verify-audit.ts';
import { openDatabase, queryRows, type Db } from '../src/platform/db/index.ts';

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

/**
 * The restored audit trail verifies. The one place that says what "verifies" means: when the audit trail becomes a
 * transparency log, this checks it against the last checkpoint.
 */
export async function expectAuditVerifies(db: Db): Promise<void> {
  const result = await verifyAudit(db);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}
