import type { Executor } from '../platform/db/index.ts';
import { translator, formatDay } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import type { OutreachSession } from './schema.ts';

/**
 * Tells the organiser's contact the office's decision, in Indonesian (the request keeps no language), queued in
 * the decision's transaction. Without an email address the office phones them.
 */
export async function mailDecision(
  tx: Executor,
  session: OutreachSession,
  kind: 'approved' | 'refused',
  publicUrl: string,
): Promise<void> {
  if (!session.contactEmail) return;
  const t = translator('id');
  const values = {
    name: session.contactName,
    organiser: session.organiserName,
    code: session.trackingCode,
    sessionCode: session.sessionCode ?? '',
    date: session.date ? formatDay('id', session.date) : '',
    reason: session.refusalReason ?? '',
    link: `${publicUrl}/eazy-paspor/status?code=${session.trackingCode}`,
  };
  await enqueueMail(tx, {
    to: session.contactEmail,
    subject: t(`outreach.mail.${kind}.subject`, values),
    text: `${t(`outreach.mail.${kind}.body`, values)}\n\n${t('mail.signature')}\n`,
  });
}
