import { eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import type { HomeVisit } from './schema.ts';

/**
 * Tells the requester what the office decided, in Indonesian (accounts keep no language), queued in the decision's
 * transaction so a rolled-back decision sends nothing.
 */
export async function mailRequester(
  tx: Executor,
  visit: HomeVisit,
  kind: 'refused' | 'scheduled',
  params: { publicUrl: string; reason?: string; date?: string },
): Promise<void> {
  const [requester] = await tx
    .select({ email: accounts.email, name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, visit.requesterAccountId));
  if (!requester) return;
  const t = translator('id');
  const values = {
    name: requester.name,
    applicant: visit.applicantName,
    code: visit.trackingCode,
    reason: params.reason ?? '',
    date: params.date ?? '',
    link: `${params.publicUrl}/si-koe-peduli/${visit.trackingCode}`,
  };
  await enqueueMail(tx, {
    to: requester.email,
    subject: t(`homeVisits.mail.${kind}.subject`, values),
    text: `${t(`homeVisits.mail.${kind}.body`, values)}\n\n${t('mail.signature')}\n`,
  });
}
