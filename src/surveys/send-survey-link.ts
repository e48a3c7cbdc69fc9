import type { Executor } from '../platform/db/index.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { getUnit } from '../units/list-units.ts';
import { issueSurveyToken } from './issue-survey-token.ts';
import type { SurveyService } from './schema.ts';

/**
 * Issues the one-time survey link for someone just served and mails it (in Indonesian: neither applications nor
 * accounts keep a language), in the caller's transaction. Without an address the link is only shown as a QR.
 */
export async function sendSurveyLink(
  tx: Executor,
  input: { unitCode: string; service: SurveyService; refId: string; to: string | null; name: string },
  publicUrl: string,
): Promise<{ token: string; url: string }> {
  const link = await issueSurveyToken(tx, input, publicUrl);
  if (input.to) {
    const t = translator('id');
    const unit = await getUnit(tx, input.unitCode);
    const values = {
      name: input.name,
      service: t(`surveys.services.${input.service}`),
      unit: unit.name,
      link: link.url,
    };
    await enqueueMail(tx, {
      to: input.to,
      subject: t('surveys.mail.subject'),
      text: `${t('surveys.mail.body', values)}\n\n${t('mail.signature')}\n`,
    });
  }
  return link;
}
