import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

/** The manifest's name inside a backup, beside the database file and `uploads/`. */
export const MANIFEST = 'sikoe-backup.json';
/** The database inside a backup: PGlite's data folder as a gzipped tarball, or PostgreSQL's `pg_dump -Fc`. */
export const DATABASE_FILE = { pglite: 'pglite.tar.gz', postgres: 'database.pgdump' } as const;
export const UPLOADS = 'uploads';

const Checked = z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * What a backup holds and how to know it is whole: every file's size and SHA-256, and the rows of every table as
 * counted in the database's state the backup was taken from (restore counts again and compares).
 */
export const Manifest = z
  .object({
    format: z.literal('sikoe-backup/1'),
    createdAt: z.iso.datetime(),
    sikoeVersion: z.string(),
    database: z.object({ kind: z.enum(['pglite', 'postgres']), serverVersion: z.string() }),
    tables: z.record(z.string(), z.number().int().min(0)),
    files: z.record(z.string(), Checked),
  })
  // A backup without its database file is no backup (and restore would fail on a missing file).
  .refine((m) => Object.hasOwn(m.files, DATABASE_FILE[m.database.kind]));
export type Manifest = z.infer<typeof Manifest>;

export async function checkFile(file: string): Promise<z.infer<typeof Checked>> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return { bytes: (await fs.promises.stat(file)).size, sha256: hash.digest('hex') };
}

/** All the rows of all the tables. */
export function totalRows(tables: Record<string, number>): number {
  return Object.values(tables).reduce((sum, n) => sum + n, 0);
}

/** Uploaded files in a backup (each stored file has its media type beside it in `<file>.type`). */
export function uploadCount(manifest: Manifest): number {
  return Object.keys(manifest.files).filter((name) => name.startsWith(`${UPLOADS}/`) && !name.endsWith('.type')).length;
}
