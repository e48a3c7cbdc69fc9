import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { accounts } from '../platform/auth/schema.ts';
import { destroyAccountSessions } from '../platform/auth/sessions.ts';
import type { Tx } from '../platform/db/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { revokeAllApiTokens } from './api-tokens.ts';
import { consumeEmailToken, discardEmailTokens, issueEmailToken } from './email-tokens.ts';
import { resetMail, verifyMail } from './mails.ts';
import { clearAllSignInFailures } from './sign-in-throttle.ts';

/**
 * Mails a one-hour reset link when the address has a verified account; the caller learns nothing either way. Mail
 * goes only to verified addresses: an account whose address was never proved gets its verification link again
 * instead, and resets once that is done. Both are held to the per-address mail limits.
 */
export async function requestPasswordReset(tx: Tx, caller: Caller, email: string, publicUrl: string): Promise<void> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.email, email));
  if (!account || account.disabledAt) return;
  if (!account.emailVerifiedAt) {
    const token = await issueEmailToken(tx, account.id, 'verify');
    await enqueueMail(tx, verifyMail(account.lang, account.email, account.name, `${publicUrl}/verify?token=${token}`));
    await appendAudit(tx, caller, {
      action: 'account.verification_resent',
      targetType: 'account',
      targetId: account.id,
    });
    return;
  }
  const token = await issueEmailToken(tx, account.id, 'reset');
  await enqueueMail(tx, resetMail(account.lang, account.email, `${publicUrl}/password/reset?token=${token}`));
  await appendAudit(tx, caller, {
    action: 'account.password_reset_requested',
    targetType: 'account',
    targetId: account.id,
  });
}

/**
 * Sets the new password (the link went to a verified address). Whoever knew the old password is shut out:
 * every session ends, every API token is revoked, other reset links die; the slow-down on the address is lifted.
 */
export async function resetPassword(tx: Tx, caller: Caller, token: string, password: string): Promise<void> {
  const accountId = await consumeEmailToken(tx, token, 'reset');
  await discardEmailTokens(tx, accountId, 'reset');
  const passwordHash = await hashPassword(password);
  const [account] = await tx.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, accountId));
  await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId));
  const sessions = await destroyAccountSessions(tx, accountId);
  const tokens = await revokeAllApiTokens(tx, accountId);
  if (account) await clearAllSignInFailures(tx, account.email);
  await appendAudit(tx, caller, {
    action: 'account.password_reset',
    targetType: 'account',
    targetId: accountId,
    details: { sessions, tokens },
  });
}
