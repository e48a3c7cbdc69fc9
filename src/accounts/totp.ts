import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { SignInThrottle } from '../platform/config.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { rotateSessionWithMfa } from '../platform/auth/sessions.ts';
import { newTotpSecret, totpStep, totpUri } from '../platform/auth/totp.ts';
import type { Db, Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordFailedAttempt } from './authenticate.ts';
import { clearSignInFailures, signInGate } from './sign-in-throttle.ts';
import { signOut } from './sign-out.ts';

async function loadAccount(db: Db | Tx, id: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, id));
  if (!account) throw new AppError('unauthenticated');
  return account;
}

/** Checks a code and uses it up: the same code (or an older one) is refused the second time. */
export async function consumeTotp(
  db: Executor,
  account: { id: string; totpSecret: string | null },
  code: string,
): Promise<boolean> {
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
export async function startTotpSetup(
  tx: Tx,
  caller: Caller,
  accountId: string,
): Promise<{ secret: string; uri: string }> {
  const account = await loadAccount(tx, accountId);
  if (account.totpEnabledAt) throw new AppError('conflict');
  const secret = account.totpSecret ?? newTotpSecret();
  if (!account.totpSecret) {
    await tx.update(accounts).set({ totpSecret: secret }).where(eq(accounts.id, accountId));
    await appendAudit(tx, caller, { action: 'auth.totp_setup_started', targetType: 'account', targetId: accountId });
  }
  return { secret, uri: totpUri(secret, account.email) };
}

/**
 * Turns TOTP on once the officer proves the app shows the right codes. The session now has its second factor, so
 * it gets a new id: the returned token replaces the cookie.
 */
export async function confirmTotpSetup(
  tx: Tx,
  caller: Caller,
  accountId: string,
  code: string,
  sessionToken: string,
): Promise<string> {
  const account = await loadAccount(tx, accountId);
  if (account.totpEnabledAt || !account.totpSecret) throw new AppError('conflict');
  if (!(await consumeTotp(tx, account, code))) throw new AppError('invalid_totp', { code: 'v.totpWrong' });
  await tx.update(accounts).set({ totpEnabledAt: new Date() }).where(eq(accounts.id, accountId));
  const rotated = await rotateSessionWithMfa(tx, sessionToken);
  await appendAudit(tx, caller, { action: 'auth.totp_enabled', targetType: 'account', targetId: accountId });
  return rotated;
}

/**
 * The second step of signing in. Wrong codes slow the next tries down like wrong passwords. On success the session
 * gets a new id (the returned token replaces the cookie), so an id seen before the second factor is worth nothing.
 */
export async function passTotpChallenge(
  db: Db,
  caller: Caller,
  accountId: string,
  code: string,
  sessionToken: string,
  policy: SignInThrottle,
): Promise<string> {
  const account = await loadAccount(db, accountId);
  const gate = await signInGate(db, account.email, caller.ip, policy);
  if (!account.totpSecret || !account.totpEnabledAt) throw new AppError('conflict');
  if (!(await consumeTotp(db, account, code))) {
    await recordFailedAttempt(db, caller, account.email, account, policy, 'totp');
    // While the address is under attack, a wrong code ends the half-open session: every guess at the code then
    // costs a password and its proof of work again, as a guess at the password does.
    if (gate.proofRequired) {
      await db.transaction((tx) => signOut(tx, caller, sessionToken));
      throw new AppError('unauthenticated');
    }
    throw new AppError('invalid_totp', { code: 'v.totpWrong' });
  }
  return db.transaction(async (tx) => {
    await clearSignInFailures(tx, account.email, caller.ip);
    const rotated = await rotateSessionWithMfa(tx, sessionToken);
    await appendAudit(tx, caller, { action: 'auth.totp_passed', targetType: 'account', targetId: accountId });
    return rotated;
  });
}
