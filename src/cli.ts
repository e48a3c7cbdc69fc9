import fs from 'node:fs';
import { Command } from 'commander';
import { loadConfig, loadEnvFile } from './platform/config.ts';
// Every feature's words reach i18n on import: commands write mail too (an officer's welcome).
import './messages.ts';
import { serve } from './main.ts';
import { serveWorkers } from './workers.ts';
import { seedDemo, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo/seed-demo.ts';
import { serverSecret } from './platform/db/secrets.ts';
import { openStorage } from './platform/storage/open-storage.ts';
import { createApiToken } from './accounts/api-tokens.ts';
import { emailField, nameField, newPasswordField } from './accounts/inputs.ts';
import { systemCaller } from './platform/auth/caller.ts';
import { accounts, officerRoles, type OfficerRole } from './platform/auth/schema.ts';
import { verifyAudit } from './platform/audit/verify-audit.ts';
import { auditSigner, SigningKeyMissing } from './platform/audit/audit-signer.ts';
import { parseVerifierKey, type Signer } from './platform/audit/checkpoint.ts';
import { verifyInclusion } from './platform/audit/merkle.ts';
import { proveInclusion } from './platform/audit/prove.ts';
import { sealAndPublish } from './platform/audit/publish-checkpoint.ts';
import { latestCheckpoint, SETTLE_MS, untilSettled } from './platform/audit/seal-audit.ts';
import { totalRows, uploadCount } from './platform/backup/manifest.ts';
import { BackupRefusal } from './platform/backup/refusal.ts';
import { restoreBackup } from './platform/backup/restore-backup.ts';
import { takeBackup } from './platform/backup/take-backup.ts';
import { FolderInUseError } from './platform/db/folder-lock.ts';
import { openConfiguredDatabase, type Database, type Executor } from './platform/db/index.ts';
import { AppError } from './platform/errors.ts';
import { createOfficer } from './officers/create-officer.ts';
import { paidForByPurpose } from './billing-purposes.ts';
import { recordPayment } from './payments/record-payment.ts';
import { formatDateTime } from './platform/i18n/index.ts';
import { seedReference } from './seed.ts';
import { eq } from 'drizzle-orm';

const cli = systemCaller('cli');

/** A refusal the person at the terminal can act on: printed without a stack, exit code 2. */
class CliFailure extends Error {}

function fail(message: string): never {
  throw new CliFailure(message);
}

function readKeptCheckpoint(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    return fail(`cannot read the kept checkpoint ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** What to say when the embedded database is open in another process: nothing was done, and what to do instead. */
function inUseMessage(err: FolderInUseError, hint?: string): string {
  const { holder } = err;
  return [
    `the embedded database in ${err.folder} is open in another process: ${holder.command} (pid ${holder.pid}${holder.url ? `, serving ${holder.url}` : ''}).`,
    'PGlite allows one process at a time, so nothing was done.',
    `Stop that process first (Ctrl+C in its terminal, or kill -TERM ${holder.pid}) and run this again${hint ? `, or ${hint}` : ''}.`,
  ].join('\n');
}

/**
 * Opens and migrates the configured database for one command, and always closes it, also when the command fails.
 * On the embedded database beside a running server it refuses at once (two processes would corrupt the folder).
 */
async function withDatabase<T>(command: string, work: (database: Database) => Promise<T>, hint?: string): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, { holder: { command: `sikoe ${command}` } }).catch(
    (err: unknown) => {
      if (err instanceof FolderInUseError) fail(inUseMessage(err, hint));
      throw err;
    },
  );
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const program = new Command('sikoe').description('Sikoe, the immigration services platform of NTT');

program
  .command('serve')
  .description('run the web server and job runner')
  .option('--workers <n>', 'server processes sharing the port (PostgreSQL only)', '1')
  .action((opts: { workers: string }) => {
    const config = loadConfig();
    const workers = Number(opts.workers);
    if (!/^\d+$/.test(opts.workers) || workers < 1 || workers > 64) fail('--workers takes a whole number from 1 to 64');
    if (workers > 1 && !config.databaseUrl)
      fail(
        [
          `--workers ${workers} needs PostgreSQL (DATABASE_URL): the embedded PGlite database is one process's, and its folder opens in one process only.`,
          'Run `sikoe serve` without --workers, or set DATABASE_URL to a PostgreSQL database.',
        ].join('\n'),
      );
    return (workers > 1 ? serveWorkers(config, workers) : serve(config)).catch((err: unknown) => {
      if (err instanceof FolderInUseError) fail(inUseMessage(err));
      throw err;
    });
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(() =>
    withDatabase('migrate', async () => {
      process.stdout.write('migrations applied\n');
    }),
  );

program
  .command('seed')
  .description('load regions and the NTT organisation; --demo adds sample officers and citizens')
  .option('--demo', 'add demo accounts')
  .action((opts: { demo?: boolean }) =>
    withDatabase('seed', async ({ db }) => {
      await seedReference(db);
      process.stdout.write('regions and units seeded\n');
      if (opts.demo) {
        const config = loadConfig();
        const services = {
          storage: openStorage(config),
          publicUrl: config.publicUrl,
          qrSecret: await serverSecret(db, 'qr'),
          booking: config.booking,
        };
        const demo = await seedDemo(db, services);
        process.stdout.write(
          `demo accounts (password "${DEMO_PASSWORD}"):\n${demo.accounts.map((a) => `  ${a.email.padEnd(36)} ${a.role}`).join('\n')}\n`,
        );
        process.stdout.write(
          `officers' two-step verification key (add it to an authenticator app): ${DEMO_TOTP_SECRET}\n`,
        );
        process.stdout.write(`weekly quotas and blank-book stock: ${demo.passportUnits.join(', ')}\n`);
        process.stdout.write(`sample applications at every stage at KANIM-KUPANG: ${demo.applications} added\n`);
      }
    }),
  );

const users = program.command('users').description('manage officer accounts');
users
  .command('create')
  .description('create an officer; the password is read from standard input')
  .requiredOption('--email <email>')
  .requiredOption('--role <role>', officerRoles.join(' | '))
  .requiredOption('--unit <code>', 'unit code, e.g. KANWIL-NTT')
  .option('--name <name>', 'display name (defaults to the email)')
  .option('--password-stdin', 'read the password from standard input')
  .action(async (opts: { email: string; role: string; unit: string; name?: string; passwordStdin?: boolean }) => {
    // Everything that can be checked without the database is checked first, so mistakes are reported at once.
    if (!opts.passwordStdin) fail('--password-stdin is required: passwords never go on the command line');
    if (!officerRoles.includes(opts.role as OfficerRole))
      fail(`unknown role ${opts.role}; one of ${officerRoles.join(', ')}`);
    const email = emailField.safeParse(opts.email);
    if (!email.success) fail('invalid email address');
    const name = nameField.safeParse(opts.name ?? opts.email);
    if (!name.success) fail('invalid name');
    const password = newPasswordField.safeParse(await readStdin());
    if (!password.success) fail('the password must have at least 10 characters');
    const hint =
      'create the officer in the browser while the server runs: an admin at /admin/officers, or, while there is no admin yet, the first admin through the setup link the server printed at its start';
    await withDatabase(
      'users create',
      async ({ db }) => {
        await seedReference(db);
        try {
          const { id } = await db.transaction((tx) =>
            createOfficer(
              tx,
              cli,
              {
                email: email.data,
                name: name.data,
                role: opts.role as OfficerRole,
                unitCode: opts.unit,
                password: password.data,
              },
              loadConfig().publicUrl,
            ),
          );
          process.stdout.write(`created ${opts.role} ${email.data} at ${opts.unit} (${id})\n`);
        } catch (err) {
          if (err instanceof AppError && err.code === 'email_taken') fail(`${email.data} already has an account`);
          if (err instanceof AppError && err.fields?.unitCode) fail(`unknown unit ${opts.unit}`);
          throw err;
        }
      },
      hint,
    );
  });

program
  .command('tokens')
  .description('API tokens')
  .command('create')
  .description('create an API token for an account; prints the token as the last line')
  .requiredOption('--email <email>')
  .option('--name <name>', 'what the token is for', 'CLI')
  .action((opts: { email: string; name: string }) =>
    withDatabase('tokens create', async ({ db }) => {
      const [account] = await db.select().from(accounts).where(eq(accounts.email, opts.email.trim().toLowerCase()));
      if (!account) fail(`no account with email ${opts.email}`);
      if (account.disabledAt) fail(`the account ${account.email} is disabled`);
      if (account.kind === 'officer' && !account.totpEnabledAt) {
        process.stderr.write(
          `note: ${account.email} has no two-step verification yet; the token works once the officer has set it up\n`,
        );
      }
      const { token } = await db.transaction((tx) =>
        createApiToken(tx, cli, account.id, opts.name, loadConfig().apiTokenDays),
      );
      process.stdout.write(`token for ${account.email} (shown once):\n${token}\n`);
    }),
  );

const audit = program.command('audit').description('the audit log: sealing, signed checkpoints, proofs');

/** The log's signer from the key's file (made only for a log without checkpoints, when `create`). */
async function signerOf(db: Executor, create = false): Promise<Signer> {
  return auditSigner(loadConfig(), db, create).catch((err: unknown) =>
    fail(
      err instanceof SigningKeyMissing ? `${err.message} (or pass the published verifier key with --key)` : String(err),
    ),
  );
}

audit
  .command('verify')
  .description(
    'recompute the log from its entries and check it against every signed checkpoint, and against a kept one',
  )
  .option('--checkpoint <file>', 'a checkpoint kept outside (from GET /audit/checkpoint): the log must still hold it')
  .option('--key <verifier-key>', 'the verifier key published at GET /audit/key (default: from the signing key file)')
  .action((opts: { checkpoint?: string; key?: string }) => {
    return withDatabase('audit verify', async ({ db }) => {
      const kept = opts.checkpoint === undefined ? undefined : readKeptCheckpoint(opts.checkpoint);
      const verifier =
        opts.key === undefined
          ? (await signerOf(db)).verifier
          : (parseVerifierKey(opts.key) ?? fail('--key is not a verifier key (name+hash+key)'));
      const result = await verifyAudit(db, verifier, { kept });
      if (result.ok) {
        process.stdout.write(
          `audit log intact: ${result.sealed} sealed entries under ${result.checkpoints} signed checkpoints, ` +
            `${result.pending} not sealed yet, root ${result.root}\n`,
        );
        if (result.checkedAgainst !== undefined) {
          process.stdout.write(`consistent with the kept checkpoint of ${result.checkedAgainst} entries\n`);
        }
      } else {
        process.stdout.write(`audit log BROKEN: ${result.fault} (${result.detail})\n`);
        process.exitCode = 1;
      }
    });
  });

audit
  .command('seal')
  .description('seal the entries written so far now and sign a checkpoint (the server does it every few seconds)')
  .action(() =>
    withDatabase('audit seal', async ({ db }) => {
      const config = loadConfig();
      // Waits once, here, to say when it gave up; the seal then takes what had committed by then.
      if (!(await untilSettled(db, SETTLE_MS))) {
        process.stderr.write(
          `transactions running for more than ${SETTLE_MS / 1000} s hold newer audit entries back: a later seal takes them\n`,
        );
      }
      const sealed = await sealAndPublish(db, await signerOf(db, true), config.audit.checkpointFile);
      process.stdout.write(sealed ? sealed.note : 'nothing new to seal\n');
    }),
  );

audit
  .command('prove')
  .description("an entry's inclusion proof against the newest checkpoint, checked before it is printed")
  .argument('<entry-id>', 'the audit entry')
  .action((id: string) =>
    withDatabase('audit prove', async ({ db }) => {
      if (!/^[1-9]\d{0,14}$/.test(id)) fail(`the entry id must be a whole number, not "${id}"`);
      const last = await latestCheckpoint(db);
      const proof = last && (await proveInclusion(db, Number(id), last.size));
      if (!last || !proof) fail(`entry ${id} is not sealed yet`);
      const ok = verifyInclusion(
        Buffer.from(proof.leafHash, 'hex'),
        proof.index,
        proof.size,
        proof.proof.map((h) => Buffer.from(h, 'hex')),
        Buffer.from(last.root, 'hex'),
      );
      if (!ok) fail(`the proof of entry ${id} does not lead to the checkpoint's root`);
      process.stdout.write(`${JSON.stringify({ ...proof, root: last.root }, null, 2)}\n`);
    }),
  );

audit
  .command('key')
  .description("print the verifier key of the log's checkpoints (made on first use)")
  .action(() =>
    withDatabase('audit key', async ({ db }) => {
      process.stdout.write(`${(await signerOf(db, true)).verifierKey}\n`);
    }),
  );

/** Runs a backup or restore, turning its refusals (the server busy with the folder, a target not empty…) into failures. */
function refusing<T>(work: Promise<T>): Promise<T> {
  return work.catch((err: unknown) => {
    if (err instanceof BackupRefusal) fail(err.message);
    if (err instanceof FolderInUseError) fail(inUseMessage(err));
    throw err;
  });
}

program
  .command('backup')
  .description('write a backup of the database and the uploaded files to a new file, also while Sikoe runs')
  .argument('<file>', 'the backup file to write (a tar file; never replaced)')
  .action(async (file: string) => {
    const { file: written, manifest, by, pausedMs } = await refusing(takeBackup(loadConfig(), file));
    process.stdout.write(
      [
        `backup written to ${written}`,
        `  database: ${manifest.database.kind} ${manifest.database.serverVersion}, ${Object.keys(manifest.tables).length} tables, ${totalRows(manifest.tables)} rows${by.server ? ` (snapshot by the running server, pid ${by.pid}, its database paused ${pausedMs} ms)` : ''}`,
        `  uploaded files: ${uploadCount(manifest)}`,
      ].join('\n') + '\n',
    );
  });

program
  .command('restore')
  .description('restore a backup into an empty database and uploads folder (never over data)')
  .argument('<file>', 'a file written by `sikoe backup`')
  .action(async (file: string) => {
    const restored = await refusing(restoreBackup(loadConfig(), file));
    const { manifest } = restored;
    process.stdout.write(
      [
        `restored the backup of ${manifest.createdAt} into ${restored.into}: ${Object.keys(manifest.tables).length} tables, ${totalRows(manifest.tables)} rows, each table as counted at the backup`,
        restored.uploadsInto
          ? `  uploaded files: ${restored.uploads} into ${restored.uploadsInto}`
          : restored.uploads > 0
            ? `  uploaded files: ${restored.uploads} not restored, as uploads are kept in S3 here: copy them there from the backup (tar -xf FILE uploads)`
            : '  uploaded files: none in the backup',
        'Next: `sikoe audit verify`, then start Sikoe (it applies any newer migrations).',
      ].join('\n') + '\n',
    );
  });

program
  .command('payments')
  .description('payments')
  .command('settle')
  .description('record a billing code as paid, as the bank would (for local use and demonstrations)')
  .argument('<billing-code>', 'the 15-digit billing code')
  .option('--reference <reference>', "the bank's reference for the payment")
  .action((code: string, opts: { reference?: string }) => {
    if (!/^\d{15}$/.test(code)) fail(`invalid billing code ${code}: a billing code has 15 digits`);
    if (opts.reference !== undefined && (opts.reference.trim() === '' || opts.reference.length > 100))
      fail('the reference must have 1 to 100 characters');
    return withDatabase('payments settle', async ({ db }) => {
      try {
        const paid = await db.transaction((tx) =>
          recordPayment(tx, cli, { code, reference: opts.reference }, paidForByPurpose),
        );
        const at = formatDateTime('en', paid.paidAt);
        process.stdout.write(
          paid.alreadyPaid
            ? `billing ${paid.code} was already paid at ${at}\n`
            : `billing ${paid.code} paid at ${at}\n`,
        );
      } catch (err) {
        if (err instanceof AppError && err.code === 'not_found') fail(`unknown billing code ${code}`);
        if (err instanceof AppError && err.code === 'billing_expired')
          fail(`billing code ${code} has expired and its appointment was released; the applicant must book again`);
        throw err;
      }
    });
  });

// The same settings as the server: the environment, then a .env file in the working directory for what it lacks.
loadEnvFile();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CliFailure)) throw err;
  process.stderr.write(`sikoe: ${err.message}\n`);
  process.exitCode = 2;
}
