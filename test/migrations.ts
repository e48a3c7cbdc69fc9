import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrationsFolder, type Database } from '../src/platform/db/index.ts';

/** The migrations folder as it stood before `tag`: the journal cut there, the SQL files as they are. */
export function folderBefore(tag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-migrations-'));
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/** Applies the migrations of `folder` that the database has not had yet. */
export async function migrateTo(database: Database, folder: string): Promise<void> {
  const { migrate } =
    database.kind === 'pglite'
      ? await import('drizzle-orm/pglite/migrator')
      : await import('drizzle-orm/node-postgres/migrator');
  await migrate(database.db as never, { migrationsFolder: folder });
}
