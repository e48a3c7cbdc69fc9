import { translator, type Lang } from '../platform/i18n/index.ts';
import type { MailMessage } from '../platform/mail/mailer.ts';

function mail(
  lang: Lang,
  to: string,
  key: string,
  params: Record<string, string>,
  kind?: MailMessage['kind'],
): MailMessage {
  const t = translator(lang);
  const body = t(`account.mail.${key}.body`, params);
  return {
    to,
    subject: t(`account.mail.${key}.subject`, params),
    text: `${body}\n\n${t('mail.signature')}\n`,
    ...(kind ? { kind } : {}),
  };
}

export const verifyMail = (lang: Lang, to: string, name: string, link: string) =>
  mail(lang, to, 'verify', { name, link }, 'verify');
export const accountExistsMail = (lang: Lang, to: string, publicUrl: string) =>
  mail(lang, to, 'exists', { login: `${publicUrl}/login`, reset: `${publicUrl}/password/forgot` }, 'exists');
export const resetMail = (lang: Lang, to: string, link: string) => mail(lang, to, 'reset', { link }, 'reset');
export const officerWelcomeMail = (lang: Lang, to: string, name: string, publicUrl: string) =>
  mail(lang, to, 'officer', { name, login: `${publicUrl}/login` });
