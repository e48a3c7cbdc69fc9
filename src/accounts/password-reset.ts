import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { accounts, sessions } from '../platform/auth/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { consumeEmailToken, discardEmailTokens, issueEmailToken } from './email-tokens.ts';
import { resetMail } from './mails.ts';

/** Mails a one-hour reset link when the address has an account; the caller learns nothing either way. */
export async function requestPasswordReset(tx: Tx, caller: Caller, email: string, publicUrl: string): Promise<void> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.email, email));
  if (!account || account.disabledAt) return;
  const token = await issueEmailToken(tx, account.id, 'reset');
  await enqueueMail(tx, resetMail(account.lang, account.email, `${publicUrl}/password/reset?token=${token}`));
  await appendAudit(tx, caller, { action: 'account.password_reset_requested', targetType: 'account', targetId: account.id });
}

/** Sets the new password, proves the address (the link reached it), and signs out every session; other reset links die. */
export async function resetPassword(tx: Tx, caller: Caller, token: string, password: string): Promise<void> {
  const accountId = await consumeEmailToken(tx, token, 'reset');
  await discardEmailTokens(tx, accountId, 'reset');
  const passwordHash = await hashPassword(password);
  const [account] = await tx.select({ verified: accounts.emailVerifiedAt }).from(accounts).where(eq(accounts.id, accountId));
  await tx
    .update(accounts)
    .set({ passwordHash, failedLogins: 0, lockedUntil: null, emailVerifiedAt: account?.verified ?? new Date() })
    .where(eq(accounts.id, accountId));
  await tx.delete(sessions).where(eq(sessions.accountId, accountId));
  await appendAudit(tx, caller, { action: 'account.password_reset', targetType: 'account', targetId: accountId });
}
