import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openConfiguredDatabase } from './platform/db/index.ts';
import { seedReference } from './seed.ts';
import { hasAdmin } from './officers/has-admin.ts';

/** Starts the server: database → migrations → reference data → HTTP → jobs; stops cleanly on SIGTERM/SIGINT. */
export async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const database = await openConfiguredDatabase(config);
  await database.migrate();
  await seedReference(database.db);
  const app = await buildApp(config, database);
  await app.listen({ port: config.port, host: config.host });
  app.deps.jobs.start();

  const where = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  const lines = [`Sikoe is serving at ${config.publicUrl} on ${where} (ready in ${Date.now() - started} ms).`, `Sign in at ${config.publicUrl}/login`];
  if (!(await hasAdmin(database.db))) {
    lines.push(
      'No admin yet. Create the first one with:',
      `  echo 'a-long-password' | npx sikoe users create --email you@example.org --name "Your Name" --role admin --unit KANWIL-NTT --password-stdin`,
    );
  }
  if (!config.smtpUrl) lines.push(`Mail is written as .eml files to ${config.dataDir}/mail`);
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // Fastify finishes in-flight requests (new ones get 503), then the job batch in hand, then the database.
    await app.close();
    await app.deps.jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
