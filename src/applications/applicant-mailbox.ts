import { eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import type { Lang } from '../platform/i18n/index.ts';
import { applications } from './schema.ts';

export type Mailbox = { to: string; lang: Lang } | null;

/**
 * Where mail about an application goes: the applying account's address, once proved, in its language. The address
 * typed on the form is contact data, not a mailbox Sikoe may write to: nobody proved it is theirs, and mail must
 * not be a way to flood someone else's. Null when there is nowhere to write (the counter tells the applicant).
 */
export async function applicantMailbox(db: Executor, application: { accountId: string }): Promise<Mailbox> {
  const [account] = await db
    .select({ email: accounts.email, lang: accounts.lang, verifiedAt: accounts.emailVerifiedAt })
    .from(accounts)
    .where(eq(accounts.id, application.accountId));
  return account?.verifiedAt ? { to: account.email, lang: account.lang } : null;
}

/** Where mail about an application goes, with the tracking code the mail names: what other features' mails need. */
export async function applicationMailbox(
  db: Executor,
  applicationId: string,
): Promise<{ trackingCode: string; to: string; lang: Lang } | null> {
  const [application] = await db
    .select({ accountId: applications.accountId, trackingCode: applications.trackingCode })
    .from(applications)
    .where(eq(applications.id, applicationId));
  const mailbox = application && (await applicantMailbox(db, application));
  return application && mailbox ? { trackingCode: application.trackingCode, ...mailbox } : null;
}
