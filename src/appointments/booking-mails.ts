import { formatDateTime, formatRupiah, translator, type Lang, formatDay } from '../platform/i18n/index.ts';
import type { MailMessage } from '../platform/mail/mailer.ts';
import { officeContactLines } from '../units/office-contact.ts';

function mail(lang: Lang, to: string, key: 'confirmation' | 'offer', params: Record<string, string>): MailMessage {
  const t = translator(lang);
  return {
    to,
    subject: t(`booking.mail.${key}.subject`, params),
    text: `${t(`booking.mail.${key}.body`, params)}\n\n${t('mail.signature')}\n`,
  };
}

/** The office by name and address; its phone and map link, where it has them, go on lines of their own. */
type Confirmation = {
  code: string;
  date: string;
  unit: string;
  address: string;
  phone: string | null;
  mapUrl: string | null;
  amount: number;
  billingCode: string;
  payBefore: Date;
  link: string;
};

export const bookingConfirmationMail = (lang: Lang, to: string, c: Confirmation) =>
  mail(lang, to, 'confirmation', {
    code: c.code,
    date: formatDay(lang, c.date),
    unit: c.unit,
    address: c.address,
    contact: officeContactLines(translator(lang), { phone: c.phone, mapUrl: c.mapUrl })
      .map((line) => `\n${line}`)
      .join(''),
    amount: formatRupiah(lang, c.amount),
    billingCode: c.billingCode,
    payBefore: formatDateTime(lang, c.payBefore),
    link: c.link,
    payLink: `${c.link}/cara-membayar`,
  });

type Offer = { code: string; date: string; unit: string; until: Date; link: string };

export const waitlistOfferMail = (lang: Lang, to: string, o: Offer) =>
  mail(lang, to, 'offer', {
    code: o.code,
    date: formatDay(lang, o.date),
    unit: o.unit,
    until: formatDateTime(lang, o.until),
    link: o.link,
  });
