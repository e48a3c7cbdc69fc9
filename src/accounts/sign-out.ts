import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { destroyAccountSessions, destroySession, destroySessionById } from '../platform/auth/sessions.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { revokeAllApiTokens } from './api-tokens.ts';

export async function signOut(tx: Tx, caller: Caller, sessionToken: string): Promise<void> {
  await destroySession(tx, sessionToken);
  if (caller.actor)
    await appendAudit(tx, caller, { action: 'auth.sign_out', targetType: 'account', targetId: caller.actor.id });
}

/** Ends one of the account's other sessions (a phone left signed in), by the id the account page lists. */
export async function endOtherSession(tx: Tx, caller: Caller, accountId: string, sessionId: string): Promise<void> {
  if (!(await destroySessionById(tx, accountId, sessionId))) throw new AppError('not_found');
  await appendAudit(tx, caller, { action: 'auth.session_ended', targetType: 'account', targetId: accountId });
}

/** "Sign out everywhere": every session, this one included, and every API token of the account end at once. */
export async function signOutEverywhere(
  tx: Tx,
  caller: Caller,
  accountId: string,
): Promise<{ sessions: number; tokens: number }> {
  const sessions = await destroyAccountSessions(tx, accountId);
  const tokens = await revokeAllApiTokens(tx, accountId);
  await appendAudit(tx, caller, {
    action: 'auth.sign_out_everywhere',
    targetType: 'account',
    targetId: accountId,
    details: { sessions, tokens },
  });
  return { sessions, tokens };
}
