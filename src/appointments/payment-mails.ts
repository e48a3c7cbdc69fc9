import { applicationMailbox } from '../applications/applicant-mailbox.ts';
import type { Executor } from '../platform/db/index.ts';
import { formatDateTime, formatDay, formatRupiah, translator, type Lang } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { getUnit } from '../units/list-units.ts';

type About = { applicationId: string; unitCode: string; date: string };

/** A mail about a booking's billing code, to the applicant's verified address, in their language. */
async function mailAbout(
  tx: Executor,
  kind: 'reminder' | 'released',
  about: About,
  values: (lang: Lang) => Record<string, string>,
  link: string,
): Promise<void> {
  const mailbox = await applicationMailbox(tx, about.applicationId);
  if (!mailbox) return;
  const t = translator(mailbox.lang);
  const unit = await getUnit(tx, about.unitCode);
  const params = {
    ...values(mailbox.lang),
    code: mailbox.trackingCode,
    date: formatDay(mailbox.lang, about.date),
    unit: unit.name,
    link,
  };
  await enqueueMail(tx, {
    to: mailbox.to,
    subject: t(`payment.mail.${kind}.subject`, params),
    text: `${t(`payment.mail.${kind}.body`, params)}\n\n${t('mail.signature')}\n`,
  });
}

/** Before the code runs out: what to pay, by when, and where the steps are. */
export function billingReminderMail(
  tx: Executor,
  about: About,
  billing: { code: string; amount: number; expiresAt: Date },
  publicUrl: string,
) {
  const values = (lang: Lang) => ({
    billingCode: billing.code,
    amount: formatRupiah(lang, billing.amount),
    payBefore: formatDateTime(lang, billing.expiresAt),
  });
  return mailAbout(
    tx,
    'reminder',
    about,
    values,
    `${publicUrl}/applications/${about.applicationId}/appointment/cara-membayar`,
  );
}

/** After the code ran out: the place went to someone else, and where to book again. */
export function bookingReleasedMail(tx: Executor, about: About, publicUrl: string) {
  return mailAbout(tx, 'released', about, () => ({}), `${publicUrl}/applications/${about.applicationId}/book`);
}
