import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { createSession } from '../platform/auth/sessions.ts';
import type { Tx } from '../platform/db/index.ts';
import { clearSignInFailures } from './sign-in-throttle.ts';

export type SignedIn = { sessionToken: string; next: 'done' | 'totp' | 'totp_setup' };

/**
 * Opens a session for an authenticated account. Officers with TOTP must still give a code; officers without it must
 * set it up before they can do anything else. The failure counts are cleared only once the last factor is given:
 * otherwise signing in again with the password would reset the count of wrong codes, and the codes could be guessed
 * without ever slowing down.
 */
export async function signIn(
  tx: Tx,
  caller: Caller,
  account: Account,
  sessionDays: number,
  userAgent?: string,
): Promise<SignedIn> {
  const officer = account.kind === 'officer';
  const needsCode = officer && account.totpEnabledAt !== null;
  if (!needsCode) await clearSignInFailures(tx, account.email, caller.ip);
  const sessionToken = await createSession(tx, {
    accountId: account.id,
    mfaPassed: !needsCode,
    days: sessionDays,
    ip: caller.ip,
    userAgent,
  });
  await appendAudit(
    tx,
    { ...caller, actor: null },
    { action: 'auth.sign_in', targetType: 'account', targetId: account.id, unitCode: account.unitCode },
  );
  const next = needsCode ? 'totp' : officer ? 'totp_setup' : 'done';
  return { sessionToken, next };
}
