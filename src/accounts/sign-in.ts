import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { createSession } from '../platform/auth/sessions.ts';
import type { Tx } from '../platform/db/index.ts';
import { clearFailures } from './authenticate.ts';

export type SignedIn = { sessionToken: string; next: 'done' | 'totp' | 'totp_setup' };

/**
 * Opens a session for an authenticated account. Officers with TOTP must still give a code; admins without TOTP
 * must set it up before they can do anything else.
 */
export async function signIn(tx: Tx, caller: Caller, account: Account, sessionDays: number): Promise<SignedIn> {
  await clearFailures(tx, account);
  const needsCode = account.kind === 'officer' && account.totpEnabledAt !== null;
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
