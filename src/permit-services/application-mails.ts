import { eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import type { PermitApplication } from './schema.ts';

export type ApplicationMail = 'filed' | 'approved' | 'refused';

/**
 * Tells the applicant where their application stands, in English (foreigners and sponsors read English first;
 * accounts keep no language), queued in the step's transaction so a rolled-back step sends nothing.
 */
export async function mailApplicant(
  tx: Executor,
  application: PermitApplication,
  kind: ApplicationMail,
  values: Record<string, string | number> = {},
): Promise<void> {
  const [applicant] = await tx
    .select({ email: accounts.email, name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, application.applicantAccountId));
  if (!applicant) return;
  const t = translator('en');
  const all = {
    name: applicant.name,
    service: t(`permitServices.services.${application.service}`),
    reference: application.id.slice(0, 8).toUpperCase(),
    ...values,
  };
  await enqueueMail(tx, {
    to: applicant.email,
    subject: t(`permitServices.mail.${kind}.subject`, all),
    text: `${t(`permitServices.mail.${kind}.body`, all)}\n\n${t('mail.signature')}\n`,
  });
}
