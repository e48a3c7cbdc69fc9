import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { appendAudit } from '../src/platform/audit/append-audit.ts';
import { auditLog } from '../src/platform/audit/schema.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import { accounts, apiTokens } from '../src/platform/auth/schema.ts';
import { openDatabase, type Database } from '../src/platform/db/index.ts';
import { cliEnv, runSikoe } from './cli.ts';

// One data folder for the whole file: the first command on it loads Indonesia's regions (seconds), later ones reuse it.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-cli-'));
const env = cliEnv(dataDir);
const sikoe = (args: string[], stdin?: string) => runSikoe(env, args, stdin);

/** Opens the CLI's PGlite data folder (only while no command runs: PGlite is single-process). */
async function withCliDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;

describe('sikoe command line', { timeout: 60_000 }, () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const admin = `root-${crypto.randomUUID().slice(0, 8)}@cli.sikoe.id`;
  const verifier = `verifier-${crypto.randomUUID().slice(0, 8)}@cli.sikoe.id`;

  it('migrate applies the migrations to a new data folder', async () => {
    const run = await sikoe(['migrate']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('migrations applied');
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);
  });

  it('seed --demo loads the reference data and prints the demo accounts', async () => {
    const run = await sikoe(['seed', '--demo']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('regions and units seeded');
    expect(run.stdout).toMatch(/demo accounts \(password "[^"]+"\)/);
    expect(run.stdout).toContain('admin@demo.sikoe.id');
    expect(run.stdout).toContain('maria@demo.sikoe.id');
    await withCliDatabase(async ({ db }) => {
      const [demo] = await db.select().from(accounts).where(eq(accounts.email, 'admin@demo.sikoe.id'));
      expect(demo).toMatchObject({ kind: 'officer', role: 'admin', unitCode: 'KANWIL-NTT' });
    });
    // Seeding again changes nothing and still succeeds.
    expect((await sikoe(['seed'])).code).toBe(0);
  });

  it('users create makes an officer with the password from standard input', async () => {
    const password = 'a long enough password 42';
    const created = await sikoe(
      [
        'users',
        'create',
        '--email',
        admin.toUpperCase(),
        '--name',
        'Root Admin',
        '--role',
        'admin',
        '--unit',
        'KANWIL-NTT',
        '--password-stdin',
      ],
      `${password}\n`,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`created admin ${admin} at KANWIL-NTT`);
    expect(created.stdout).not.toContain(password);

    const second = await sikoe(
      ['users', 'create', '--email', verifier, '--role', 'verifier', '--unit', 'KANIM-KUPANG', '--password-stdin'],
      password,
    );
    expect(second.code, second.stderr).toBe(0);

    await withCliDatabase(async ({ db }) => {
      const [row] = await db.select().from(accounts).where(eq(accounts.email, admin));
      expect(row).toMatchObject({ kind: 'officer', role: 'admin', unitCode: 'KANWIL-NTT', name: 'Root Admin' });
      expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.targetId, row!.id));
      expect(audit).toMatchObject({ action: 'officer.create', details: { system: 'cli', role: 'admin' } });
    });
  });

  it('users create refuses mistakes with a clear message and a failing exit code', async () => {
    const password = 'a long enough password 42';
    const again = await sikoe(
      ['users', 'create', '--email', admin, '--role', 'verifier', '--unit', 'KANWIL-NTT', '--password-stdin'],
      `${password}\n`,
    );
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`${admin} already has an account`);
    expect(again.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace

    const badRole = await sikoe(
      [
        'users',
        'create',
        '--email',
        'x@cli.sikoe.id',
        '--role',
        'superuser',
        '--unit',
        'KANWIL-NTT',
        '--password-stdin',
      ],
      `${password}\n`,
    );
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('unknown role superuser');

    const badUnit = await sikoe(
      [
        'users',
        'create',
        '--email',
        'y@cli.sikoe.id',
        '--role',
        'verifier',
        '--unit',
        'KANIM-NOWHERE',
        '--password-stdin',
      ],
      `${password}\n`,
    );
    expect(badUnit.code).not.toBe(0);
    expect(badUnit.stderr).toContain('unknown unit KANIM-NOWHERE');

    const short = await sikoe(
      [
        'users',
        'create',
        '--email',
        'z@cli.sikoe.id',
        '--role',
        'verifier',
        '--unit',
        'KANWIL-NTT',
        '--password-stdin',
      ],
      'short\n',
    );
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain('at least 10 characters');

    const noStdin = await sikoe([
      'users',
      'create',
      '--email',
      'w@cli.sikoe.id',
      '--role',
      'verifier',
      '--unit',
      'KANWIL-NTT',
    ]);
    expect(noStdin.code).not.toBe(0);
    expect(noStdin.stderr).toContain('--password-stdin');

    await withCliDatabase(async ({ db }) => {
      const [row] = await db.select().from(accounts).where(eq(accounts.email, admin));
      expect(row!.role).toBe('admin'); // the duplicate did not change the first account
      for (const email of ['x@cli.sikoe.id', 'y@cli.sikoe.id', 'z@cli.sikoe.id', 'w@cli.sikoe.id']) {
        expect(await db.$count(accounts, eq(accounts.email, email)), email).toBe(0);
      }
    });
  });

  it('tokens create prints a working token as the last line, keeping only its hash', async () => {
    const run = await sikoe(['tokens', 'create', '--email', verifier, '--name', 'reporting']);
    expect(run.code, run.stderr).toBe(0);
    const token = lastLine(run.stdout);
    expect(token).toMatch(/^sikoe_[A-Za-z0-9_-]{40,}$/);
    expect(run.stderr).toContain('two-step verification'); // every officer needs it before the token works

    const forAdmin = await sikoe(['tokens', 'create', '--email', admin]);
    expect(forAdmin.code, forAdmin.stderr).toBe(0);
    const adminToken = lastLine(forAdmin.stdout);
    expect(forAdmin.stderr).toContain('two-step verification');

    const unknown = await sikoe(['tokens', 'create', '--email', 'nobody@cli.sikoe.id']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no account with email nobody@cli.sikoe.id');

    await withCliDatabase(async (database) => {
      const { db } = database;
      for (const [email, plain] of [
        [verifier, token],
        [admin, adminToken],
      ] as const) {
        const [row] = await db
          .select({ email: accounts.email, tokenHash: apiTokens.tokenHash })
          .from(apiTokens)
          .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
          .where(eq(apiTokens.tokenHash, sha256(plain)));
        expect(row?.email).toBe(email);
      }
      expect(await db.$count(apiTokens, eq(apiTokens.tokenHash, token))).toBe(0); // never stored in plain

      const app = await buildApp(loadConfig({ ...env, DATA_DIR: dataDir }), database);
      try {
        const early = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
        expect(early.json()).toMatchObject({ error: { code: 'mfa_setup_required' } });
        await db
          .update(accounts)
          .set({ totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date() })
          .where(eq(accounts.email, verifier));
        const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
        expect(me.statusCode).toBe(200);
        expect(me.json()).toMatchObject({ email: verifier, role: 'verifier', unitCode: 'KANIM-KUPANG' });
        const wrong = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}x` } });
        expect(wrong.statusCode).toBe(401);
      } finally {
        await app.close();
      }
    });
  });

  it('audit seal signs a checkpoint; audit verify checks the log against it, and names what was tampered with', async () => {
    await withCliDatabase(({ db }) => appendAudit(db, systemCaller('cli-test'), { action: 'test.cli' }));
    const sealed = await sikoe(['audit', 'seal']);
    expect(sealed.code, sealed.stderr).toBe(0);
    expect(sealed.stdout).toMatch(/^localhost\/audit\n(\d+)\n\S+\n\n\u2014 localhost\/audit \S+\n$/);
    const size = Number(sealed.stdout.split('\n')[1]);
    expect(fs.readFileSync(path.join(dataDir, 'audit-checkpoint.txt'), 'utf8')).toBe(sealed.stdout);
    const kept = path.join(dataDir, 'kept-checkpoint.txt');
    fs.writeFileSync(kept, sealed.stdout);

    const intact = await sikoe(['audit', 'verify', '--checkpoint', kept]);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toContain(
      `audit log intact: ${size} sealed entries under 1 signed checkpoints, 0 not sealed`,
    );
    expect(intact.stdout).toContain(`consistent with the kept checkpoint of ${size} entries`);
    const key = (await sikoe(['audit', 'key'])).stdout.trim();
    expect(key).toMatch(/^localhost\/audit\+[0-9a-f]{8}\+\S{44}$/);
    expect((await sikoe(['audit', 'verify', '--key', key])).code).toBe(0);
    expect((await sikoe(['audit', 'seal'])).stdout).toBe('nothing new to seal\n');

    const [victim] = await withCliDatabase(({ db }) => db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1));
    const proof = await sikoe(['audit', 'prove', String(victim!.id)]);
    expect(proof.code, proof.stderr).toBe(0);
    expect(JSON.parse(proof.stdout)).toMatchObject({ entryId: victim!.id, index: size - 1, size });
    for (const bad of ['abc', '1.5', '-3']) {
      const refused = await sikoe(['audit', 'prove', '--', bad]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('whole number');
    }
    const unreadable = await sikoe(['audit', 'verify', '--checkpoint', path.join(dataDir, 'no-such-checkpoint.txt')]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('cannot read the kept checkpoint');

    await withCliDatabase(({ db }) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx
          .update(auditLog)
          .set({ details: { ...victim!.details, role: 'admin', forged: true } })
          .where(eq(auditLog.id, victim!.id));
      }),
    );
    const broken = await sikoe(['audit', 'verify', '--checkpoint', kept]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`audit log BROKEN: content_changed (entry ${victim!.id})`);
  });
});
