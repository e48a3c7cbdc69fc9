import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { createSession } from '../platform/auth/sessions.ts';
import type { Tx } from '../platform/db/index.ts';
import { clearFailures } from './authenticate.ts';

export type SignedIn = { sessionToken: string; next: 'done' | 'totp' | 'totp_setup' };

/**
 * Opens a session for an authenticated account. Officers with TOTP must still give a code; admins without TOTP
 * must set it up before they can do anything else. The failure count is cleared only once the last factor is
 * given: otherwise signing in again with the password would reset the count of wrong codes, and the codes could
 * be guessed without ever locking the account.
 */
export async function signIn(tx: Tx, caller: Caller, account: Account, sessionDays: number): Promise<SignedIn> {
  const needsCode = account.kind === 'officer' && account.totpEnabledAt !== null;
  if (!needsCode) await clearFailures(tx, account);
  const sessionToken = await createSession(tx, {
    accountId: account.id,
    mfaPassed: !needsCode,
    days: sessionDays,
    ip: caller.ip,
  });
  await appendAudit(tx, { ...caller, actor: null }, { action: 'auth.sign_in', targetType: 'account', targetId: account.id, unitCode: account.unitCode });
  const next = needsCode ? 'totp' : account.role === 'admin' ? 'totp_setup' : 'done';
  return { sessionToken, next };
}
