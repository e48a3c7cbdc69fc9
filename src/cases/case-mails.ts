import { applicantMailbox } from '../applications/applicant-mailbox.ts';
import type { Application } from '../applications/schema.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import type { Executor } from '../platform/db/index.ts';

/**
 * Tells the applicant that their case was deferred or rejected, in their account's language, queued in the step's
 * transaction. Without a verified address the applicant is told at the counter only.
 */
export async function mailApplicant(
  tx: Executor,
  application: Application,
  kind: 'deferred' | 'rejected',
  params: { reason: string; publicUrl: string },
): Promise<void> {
  const mailbox = await applicantMailbox(tx, application);
  if (!mailbox) return;
  const t = translator(mailbox.lang);
  const values = {
    name: application.fullName ?? '',
    code: application.trackingCode,
    reason: params.reason,
    link: `${params.publicUrl}/track`,
  };
  await enqueueMail(tx, {
    to: mailbox.to,
    subject: t(`cases.mail.${kind}.subject`, values),
    text: `${t(`cases.mail.${kind}.body`, values)}\n\n${t('mail.signature')}\n`,
  });
}
