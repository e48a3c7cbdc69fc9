import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import type { Lang } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { issueEmailToken } from './email-tokens.ts';
import { accountExistsMail, verifyMail } from './mails.ts';

export type Registration = { email: string; password: string; name: string; lang: Lang };

/**
 * Creates an unverified citizen account and mails the verification link. An address that is already registered
 * gets a notice instead, and the caller sees the same answer either way, so sign-up does not reveal who has an
 * account.
 */
export async function registerCitizen(tx: Tx, caller: Caller, input: Registration, publicUrl: string): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const [created] = await tx
    .insert(accounts)
    .values({ email: input.email, name: input.name, passwordHash, kind: 'citizen', lang: input.lang })
    .onConflictDoNothing()
    .returning({ id: accounts.id });
  if (!created) {
    const [existing] = await tx.select({ lang: accounts.lang }).from(accounts).where(eq(accounts.email, input.email));
    await enqueueMail(tx, accountExistsMail(existing?.lang ?? input.lang, input.email, publicUrl));
    return;
  }
  const token = await issueEmailToken(tx, created.id, 'verify');
  await enqueueMail(tx, verifyMail(input.lang, input.email, input.name, `${publicUrl}/verify?token=${token}`));
  await appendAudit(
    tx,
    { ...caller, actor: null },
    { action: 'account.register', targetType: 'account', targetId: created.id },
  );
}
