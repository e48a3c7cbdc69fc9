import type { SignInThrottle } from '../platform/config.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Db } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { createApiToken } from './api-tokens.ts';
import { authenticate, recordFailedAttempt } from './authenticate.ts';
import { clearSignInFailures } from './sign-in-throttle.ts';
import { consumeTotp } from './totp.ts';

export type Credentials = { email: string; password: string; totp?: string; name?: string };

/**
 * Issues an API token for email and password, with the TOTP code of officers. Officers without TOTP get no token:
 * they set it up on the web first. An address under attack needs the web form's proof of work: the API refuses.
 */
export async function exchangeCredentials(
  db: Db,
  caller: Caller,
  input: Credentials,
  policy: SignInThrottle,
  tokenDays: number,
): Promise<string> {
  const account = await authenticate(db, caller, input, policy, async () => {
    throw new AppError('proof_required');
  });
  if (account.kind === 'officer' && !account.totpEnabledAt) throw new AppError('mfa_setup_required');
  if (account.totpEnabledAt) {
    if (!input.totp) throw new AppError('mfa_required');
    if (!(await consumeTotp(db, account, input.totp))) {
      await recordFailedAttempt(db, caller, account.email, account, policy, 'totp');
      throw new AppError('invalid_totp', { totp: 'v.totpWrong' });
    }
  }
  return db.transaction(async (tx) => {
    await clearSignInFailures(tx, account.email, caller.ip);
    const { token } = await createApiToken(tx, { ...caller, actor: null }, account.id, input.name ?? 'API', tokenDays);
    return token;
  });
}
