import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { burnPasswordCheck, verifyPassword } from '../platform/auth/passwords.ts';
import { accounts, type Account } from '../platform/auth/schema.ts';
import type { Db, Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';

export type LockoutPolicy = { maxFailures: number; lockMinutes: number };

/**
 * Counts a failed password or second-factor attempt and locks the account for a while after too many. It commits
 * on its own: the request that follows is refused, and a refusal must not roll the count back.
 */
export async function recordFailedAttempt(db: Db, caller: Caller, accountId: string, policy: LockoutPolicy, what: string) {
  // A lock that has run out starts the count afresh and is forgotten, so the next failures count from one again
  // (keeping the stale lock would restart the count at one on every failure and never lock again).
  const expired = sql`(${accounts.lockedUntil} is not null and ${accounts.lockedUntil} <= now())`;
  const failures = sql`(case when ${expired} then 1 else ${accounts.failedLogins} + 1 end)`;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(accounts)
      .set({
        failedLogins: failures,
        lockedUntil: sql`case when ${failures} >= ${policy.maxFailures} then now() + make_interval(mins => ${policy.lockMinutes})
          when ${expired} then null else ${accounts.lockedUntil} end`,
      })
      .where(eq(accounts.id, accountId))
      .returning({ failedLogins: accounts.failedLogins, lockedUntil: accounts.lockedUntil });
    await appendAudit(tx, caller, { action: `auth.${what}_failed`, targetType: 'account', targetId: accountId, details: { failures: row?.failedLogins, locked: !!row?.lockedUntil } });
  });
}

export function assertNotLocked(account: Pick<Account, 'lockedUntil'>): void {
  if (account.lockedUntil && account.lockedUntil > new Date()) throw new AppError('account_locked');
}

export async function clearFailures(db: Executor, account: Pick<Account, 'id' | 'failedLogins' | 'lockedUntil'>): Promise<void> {
  if (account.failedLogins > 0 || account.lockedUntil) {
    await db.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
  }
}

/** Checks email and password; every refusal for a wrong address or password looks the same. */
export async function authenticate(db: Db, caller: Caller, input: { email: string; password: string }, policy: LockoutPolicy): Promise<Account> {
  const [account] = await db.select().from(accounts).where(eq(accounts.email, input.email));
  if (!account || account.disabledAt) {
    await burnPasswordCheck(input.password);
    throw new AppError('invalid_credentials');
  }
  assertNotLocked(account);
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await recordFailedAttempt(db, caller, account.id, policy, 'sign_in');
    throw new AppError('invalid_credentials');
  }
  if (account.kind === 'citizen' && !account.emailVerifiedAt) throw new AppError('email_not_verified');
  return account;
}
