import fs from 'node:fs/promises';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './platform/config.ts';
import { openConfiguredDatabase, pgliteFolder, type Database } from './platform/db/index.ts';
import type { App } from './platform/http/server.ts';
import { createLogger } from './platform/log.ts';
import { seedReference } from './seed.ts';
import { issueSetupToken } from './officers/first-admin.ts';
import { openAdminChannel } from './platform/backup/admin-channel.ts';
import { stagingFolder } from './platform/backup/take-backup.ts';
import { snapshotPglite } from './platform/backup/take-snapshot.ts';
import { uploadsFolder } from './platform/storage/open-storage.ts';

export type Running = {
  app: App;
  database: Database;
  /** Stops cleanly, once however often it is called: HTTP (in-flight requests finish), then jobs, then the database. */
  stop: () => Promise<void>;
};

/**
 * Starts the server: database → migrations → reference data → HTTP → jobs. `database` replaces the configured one
 * (tests); either way the server owns it from here and closes it on stop, or at once when starting fails.
 * `prepared`: the migrations and reference data are already done (by `serve --workers`' primary, once for all).
 */
export async function start(
  config: Config,
  database?: Database,
  log: Logger = createLogger(config.logLevel),
  options: { prepared?: boolean } = {},
): Promise<Running> {
  const db =
    database ??
    (await openConfiguredDatabase(config, {
      holder: { command: 'sikoe serve', url: config.publicUrl },
      // A restart or failover of PostgreSQL ends every connection: the pool replaces them, requests in between
      // answer 503 and /readyz says so; the process itself carries on.
      onConnectionError: (err) => log.warn({ err }, 'database connection lost'),
    }));
  let app: App | undefined;
  let admin: { close: () => Promise<void> } | undefined;
  try {
    if (!options.prepared) await prepareDatabase(db);
    app = await buildApp(config, db, { log });
    await app.listen({ port: config.port, host: config.host });
    // The embedded database's folder is this process's alone: `sikoe backup` asks this process for a snapshot.
    if (!database && db.kind === 'pglite') admin = await openBackupChannel(config, db, log);
  } catch (err) {
    await app?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
  const server = app;
  server.deps.jobs.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Fastify finishes in-flight requests (new ones get 503), then the job batch in hand, then the database.
      await admin?.close();
      await server.close();
      await server.deps.jobs.stop();
      await db.close();
    })());
  return { app: server, database: db, stop };
}

function openBackupChannel(config: Config, database: Database, log: Logger) {
  return openAdminChannel({
    dataDir: config.dataDir,
    snapshot: async () => {
      const started = Date.now();
      const uploads = config.s3 ? undefined : uploadsFolder(config.dataDir);
      const folder = stagingFolder(config.dataDir);
      const snapshot = await snapshotPglite(database, folder, uploads).catch(async (err: unknown) => {
        await fs.rm(folder, { recursive: true, force: true });
        throw err;
      });
      log.info({ ms: Date.now() - started, pausedMs: snapshot.pausedMs }, 'backup snapshot taken');
      return snapshot;
    },
    onError: (err) => log.error({ err }, 'backup snapshot failed'),
  });
}

/** Migrations and the reference data every start needs (idempotent). */
export async function prepareDatabase(database: Database): Promise<void> {
  await database.migrate();
  await seedReference(database.db);
}

/** `sikoe serve`: starts, says where, and stops cleanly on SIGTERM/SIGINT. */
export async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const { app, database, stop } = await start(config);
  process.stdout.write(await banner(config, database, started));
  stopOnSignals(app.log, stop);
}

/** What `serve` says once it serves: where, how to sign in, the first admin's setup link while needed, how to stop. */
export async function banner(config: Config, database: Database, started: number, workers = 1): Promise<string> {
  const where = database.kind === 'pglite' ? `embedded PGlite in ${pgliteFolder(config.dataDir)}` : 'PostgreSQL';
  const lines = [
    `Sikoe is serving at ${config.publicUrl} on ${where}${workers > 1 ? ` with ${workers} worker processes` : ''} (ready in ${Date.now() - started} ms).`,
    `Sign in at ${config.publicUrl}/login`,
  ];
  const setupToken = await issueSetupToken(database.db);
  if (setupToken) {
    lines.push(
      'No admin yet. Create the first one in your browser (the link works once, for 24 hours):',
      `  ${config.publicUrl}/setup?token=${setupToken}`,
    );
  }
  if (!config.smtpUrl) lines.push(`Mail is written as .eml files to ${config.dataDir}/mail`);
  lines.push(`Stop with Ctrl+C (or kill -TERM ${process.pid}).`);
  return lines.join('\n') + '\n';
}

/** Stops cleanly on SIGTERM or SIGINT, then exits (1 when stopping failed). */
export function stopOnSignals(log: App['log'], stop: () => Promise<void>): void {
  const onSignal = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
