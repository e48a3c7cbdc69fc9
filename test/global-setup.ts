import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/index.ts';
import { seedReference } from '../src/seed.ts';
import { chromiumPath } from './browser.ts';

/**
 * Runs once per `npm test`: prepares a migrated, seeded PGlite image that every worker loads (seeding Indonesia's
 * regions takes seconds; loading an image is fast), and, when TEST_DATABASE_URL is set, a fresh schema on
 * PostgreSQL. Says plainly what will be skipped.
 */
export default async function setup(project: TestProject) {
  const template = await openDatabase({ kind: 'pglite' });
  await template.migrate();
  await seedReference(template.db);
  const image = path.join(os.tmpdir(), `sikoe-test-image-${process.pid}.tar.gz`);
  const dump = await template.dumpDataDir!();
  fs.writeFileSync(image, Buffer.from(await dump.arrayBuffer()));
  await template.close();
  project.provide('pgliteImage', image);
  // Every test app writes mail here: on a shared jobs table any app's runner may send any test's mail.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-test-run-'));
  project.provide('testDataDir', dataDir);

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // The test database is the tests' own: start every run from an empty schema.
    await admin.query(
      'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;',
    );
    await admin.end();
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    await database.migrate();
    await seedReference(database.db);
    await database.close();
  }
  const notes = [
    url
      ? 'database tests: PGlite and PostgreSQL'
      : 'database tests: PGlite only (set TEST_DATABASE_URL to run them on PostgreSQL too; PostgreSQL runs SKIPPED)',
    chromiumPath()
      ? `browser tests: Chromium at ${chromiumPath()}`
      : 'browser tests: SKIPPED (no Chromium at /usr/bin/chromium; apt-get install chromium)',
  ];
  process.stdout.write(`\n${notes.map((n) => `  ${n}`).join('\n')}\n\n`);
  return () => {
    fs.rmSync(image, { force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImage: string;
    testDataDir: string;
  }
}
