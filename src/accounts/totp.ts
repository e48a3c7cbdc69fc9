import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { markSessionMfaPassed } from '../platform/auth/sessions.ts';
import { newTotpSecret, totpStep, totpUri } from '../platform/auth/totp.ts';
import type { Db, Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { assertNotLocked, clearFailures, recordFailedAttempt, type LockoutPolicy } from './authenticate.ts';

async function loadAccount(db: Db | Tx, id: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, id));
  if (!account) throw new AppError('unauthenticated');
  return account;
}

/** Checks a code and uses it up: the same code (or an older one) is refused the second time. */
export async function consumeTotp(db: Executor, account: { id: string; totpSecret: string | null }, code: string): Promise<boolean> {
  const step = account.totpSecret ? totpStep(account.totpSecret, code) : null;
  if (step === null) return false;
  const used = await db
    .update(accounts)
    .set({ totpLastStep: step })
    .where(and(eq(accounts.id, account.id), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))))
    .returning({ id: accounts.id });
  return used.length === 1;
}

/** Returns the secret to enrol in an authenticator app; a pending (unconfirmed) secret is reused. */
export async function startTotpSetup(tx: Tx, caller: Caller, accountId: string): Promise<{ secret: string; uri: string }> {
  const account = await loadAccount(tx, accountId);
  if (account.totpEnabledAt) throw new AppError('conflict');
  const secret = account.totpSecret ?? newTotpSecret();
  if (!account.totpSecret) {
    await tx.update(accounts).set({ totpSecret: secret }).where(eq(accounts.id, accountId));
    await appendAudit(tx, caller, { action: 'auth.totp_setup_started', targetType: 'account', targetId: accountId });
  }
  return { secret, uri: totpUri(secret, account.email) };
}

/** Turns TOTP on once the officer proves the app shows the right codes; the current session counts as verified. */
export async function confirmTotpSetup(tx: Tx, caller: Caller, accountId: string, code: string, sessionToken: string | null): Promise<void> {
  const account = await loadAccount(tx, accountId);
  if (account.totpEnabledAt || !account.totpSecret) throw new AppError('conflict');
  if (!(await consumeTotp(tx, account, code))) throw new AppError('invalid_totp', { code: 'v.totpWrong' });
  await tx.update(accounts).set({ totpEnabledAt: new Date() }).where(eq(accounts.id, accountId));
  if (sessionToken) await markSessionMfaPassed(tx, sessionToken);
  await appendAudit(tx, caller, { action: 'auth.totp_enabled', targetType: 'account', targetId: accountId });
}

/** The second step of signing in. Wrong codes count towards the same lock-out as wrong passwords. */
export async function passTotpChallenge(db: Db, caller: Caller, accountId: string, code: string, sessionToken: string, policy: LockoutPolicy): Promise<void> {
  const account = await loadAccount(db, accountId);
  assertNotLocked(account);
  if (!account.totpSecret || !account.totpEnabledAt) throw new AppError('conflict');
  if (!(await consumeTotp(db, account, code))) {
    await recordFailedAttempt(db, caller, accountId, policy, 'totp');
    throw new AppError('invalid_totp', { code: 'v.totpWrong' });
  }
  await db.transaction(async (tx) => {
    await clearFailures(tx, account);
    await markSessionMfaPassed(tx, sessionToken);
    await appendAudit(tx, caller, { action: 'auth.totp_passed', targetType: 'account', targetId: accountId });
  });
}
