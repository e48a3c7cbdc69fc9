import { and, eq, isNull } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { translator, type Lang, type T } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { sponsorMembers } from './schema.ts';

/** The addresses of the sponsor's members now, each with their name. */
export function sponsorMailboxes(db: Executor, sponsorId: string) {
  return db
    .select({ email: accounts.email, name: accounts.name })
    .from(sponsorMembers)
    .innerJoin(accounts, eq(accounts.id, sponsorMembers.accountId))
    .where(and(eq(sponsorMembers.sponsorId, sponsorId), isNull(sponsorMembers.removedAt), isNull(accounts.disabledAt)));
}

/**
 * Mails every member of the sponsor, queued in the caller's transaction. Accounts keep no language and sponsors read
 * English first: each mail is written in English, then in Indonesian.
 */
export async function mailSponsorMembers(
  tx: Executor,
  sponsorId: string,
  write: (t: T, member: { name: string }, lang: Lang) => { subject: string; text: string },
): Promise<number> {
  const en = translator('en');
  const id = translator('id');
  const members = await sponsorMailboxes(tx, sponsorId);
  for (const m of members) {
    const english = write(en, m, 'en');
    const indonesian = write(id, m, 'id');
    await enqueueMail(tx, {
      to: m.email,
      subject: `${english.subject} / ${indonesian.subject}`,
      text: `${english.text}\n\n---\n\n${indonesian.text}\n\n${id('mail.signature')}\n`,
    });
  }
  return members.length;
}
