import { witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Lang } from '../platform/i18n/index.ts';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** A calendar date with its weekday, as people say it: "Selasa, 12 Mei 2026". */
export function formatDay(lang: Lang, date: IsoDate): string {
  return new Intl.DateTimeFormat(locales[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Makassar' }).format(witaInstant(date));
}

/** A WITA clock time to the second, for the no-JavaScript wait: "10.15.32". */
export function formatClock(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(locales[lang], { timeStyle: 'medium', timeZone: 'Asia/Makassar' }).format(at);
}
