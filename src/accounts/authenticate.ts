import { eq } from 'drizzle-orm';
import type { SignInThrottle } from '../platform/config.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { burnPasswordCheck, verifyPassword } from '../platform/auth/passwords.ts';
import { accounts, type Account } from '../platform/auth/schema.ts';
import type { Db } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordSignInFailure, signInGate } from './sign-in-throttle.ts';

/**
 * Checks the proof of work an address under attack asks for (see sign-in-throttle.ts); the web form verifies the
 * widget's answer, the API refuses (`proof_required`: sign in on the website).
 */
export type ProofCheck = (subject: string) => Promise<void>;

/**
 * Counts a failed password or second-factor attempt, with its audit entry when the account exists. It commits on its
 * own: the request that follows is refused, and a refusal must not roll the count back.
 */
export async function recordFailedAttempt(
  db: Db,
  caller: Caller,
  email: string,
  account: Pick<Account, 'id' | 'unitCode'> | undefined,
  policy: SignInThrottle,
  what: string,
) {
  await db.transaction(async (tx) => {
    const { failures } = await recordSignInFailure(tx, email, caller.ip, policy);
    if (account)
      await appendAudit(tx, caller, {
        action: `auth.${what}_failed`,
        targetType: 'account',
        targetId: account.id,
        unitCode: account.unitCode,
        details: { failures },
      });
  });
}

/**
 * Checks email and password. Every refusal for a wrong address or password looks the same, and an address without
 * an account is slowed down exactly like one with: nothing tells a caller whether an account exists.
 */
export async function authenticate(
  db: Db,
  caller: Caller,
  input: { email: string; password: string },
  policy: SignInThrottle,
  proof: ProofCheck,
): Promise<Account> {
  const gate = await signInGate(db, input.email, caller.ip, policy);
  if (gate.proofRequired) await proof(gate.proofSubject);
  const [account] = await db.select().from(accounts).where(eq(accounts.email, input.email));
  if (!account || account.disabledAt) {
    await burnPasswordCheck(input.password);
    await recordFailedAttempt(db, caller, input.email, undefined, policy, 'sign_in');
    throw new AppError('invalid_credentials');
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await recordFailedAttempt(db, caller, input.email, account, policy, 'sign_in');
    throw new AppError('invalid_credentials');
  }
  if (account.kind === 'citizen' && !account.emailVerifiedAt) throw new AppError('email_not_verified');
  return account;
}
