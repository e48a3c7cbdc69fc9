import { weekdays } from '../platform/calendar/wita.ts';
import { translator, type Lang } from '../platform/i18n/index.ts';
import type { MailMessage } from '../platform/mail/mailer.ts';
import { officeContactLines } from '../units/office-contact.ts';
import type { Unit } from '../units/schema.ts';

/** "Senin: 08:00–16:00" per open weekday, one a line. */
export function openingHoursText(lang: Lang, unit: Pick<Unit, 'openingHours'>): string {
  const t = translator(lang);
  return weekdays
    .filter((d) => (unit.openingHours[d] ?? []).length > 0)
    .map((d) => `${t(`weekdays.${d}`)}: ${unit.openingHours[d].map(([from, to]) => `${from}–${to}`).join(', ')} WITA`)
    .join('\n');
}

type Ready = { code: string; passportNumber: string; unit: Unit; trackLink: string; saturdayLink: string };

/**
 * Ready for pickup: where and when to come, the office's phone and map link where it has them, and (where the unit
 * offers si Koe TOS) that a Saturday can be chosen.
 */
export function passportReadyMail(lang: Lang, to: string, r: Ready): MailMessage {
  const t = translator(lang);
  const params = {
    code: r.code,
    number: r.passportNumber,
    unit: r.unit.name,
    address: r.unit.address,
    hours: openingHoursText(lang, r.unit),
    link: r.trackLink,
  };
  const contact = officeContactLines(t, r.unit);
  const office = contact.length > 0 ? `\n\n${[r.unit.name, r.unit.address, ...contact].join('\n')}` : '';
  const saturday = r.unit.services.includes('koe_tos')
    ? `\n\n${t('passports.mail.ready.saturday', { link: r.saturdayLink })}`
    : '';
  return {
    to,
    subject: t('passports.mail.ready.subject', params),
    text: `${t('passports.mail.ready.body', params)}${office}${saturday}\n\n${t('mail.signature')}\n`,
  };
}
