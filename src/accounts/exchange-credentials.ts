import type { Caller } from '../platform/auth/caller.ts';
import type { Db } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { createApiToken } from './api-tokens.ts';
import { authenticate, clearFailures, recordFailedAttempt, type LockoutPolicy } from './authenticate.ts';
import { consumeTotp } from './totp.ts';

export type Credentials = { email: string; password: string; totp?: string; name?: string };

/**
 * Issues an API token for email and password, with the TOTP code where the account uses one. Admins without
 * TOTP get no token: they must set it up first, as on the web.
 */
export async function exchangeCredentials(db: Db, caller: Caller, input: Credentials, policy: LockoutPolicy): Promise<string> {
  const account = await authenticate(db, caller, input, policy);
  if (account.role === 'admin' && !account.totpEnabledAt) throw new AppError('mfa_setup_required');
  if (account.totpEnabledAt) {
    if (!input.totp) throw new AppError('mfa_required');
    if (!(await consumeTotp(db, account, input.totp))) {
      await recordFailedAttempt(db, caller, account.id, policy, 'totp');
      throw new AppError('invalid_totp', { totp: 'v.totpWrong' });
    }
  }
  return db.transaction(async (tx) => {
    await clearFailures(tx, account);
    const { token } = await createApiToken(tx, { ...caller, actor: null }, account.id, input.name ?? 'API');
    return token;
  });
}
