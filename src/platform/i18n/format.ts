// How Sikoe writes dates, times and numbers, in one place: instants are shown in WITA (every NTT office's time),
// Indonesian pages write 08.00 and 7.150, English ones 08:00 and 7,150.
import { witaInstant, type IsoDate } from '../calendar/wita.ts';

type Lang = 'id' | 'en';
const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const WITA = 'Asia/Makassar';

// Making an Intl formatter costs far more than using one (a page of dates, a mail): one per language and style, kept.
const formatters = new Map<string, { format(value: never): string }>();
function kept<F extends { format(value: never): string }>(lang: Lang, style: string, make: (locale: string) => F): F {
  const key = `${lang} ${style}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make(locales[lang])));
  return formatter;
}

/** "12 Mei 2026, 08.00 WITA" / "12 May 2026, 08:00 WITA". */
export function formatDateTime(lang: Lang, at: Date): string {
  return (
    kept(
      lang,
      'dateTime',
      (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', timeZone: WITA }),
    ).format(at) + ' WITA'
  );
}

/** The WITA date of an instant: "12 Mei 2026". */
export function formatDate(lang: Lang, at: Date): string {
  return kept(lang, 'date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: WITA })).format(at);
}

/** A calendar date with its weekday, as people say it: "Selasa, 12 Mei 2026". */
export function formatDay(lang: Lang, date: IsoDate): string {
  const day = kept(
    lang,
    'day',
    (l) =>
      new Intl.DateTimeFormat(l, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: WITA }),
  );
  return day.format(witaInstant(date));
}

/** A calendar date without its weekday: "12 Mei 2026". */
export function formatCalendarDate(lang: Lang, date: IsoDate): string {
  return formatDate(lang, witaInstant(date));
}

/** A WITA clock time: "08.00" / "08:00". */
export function formatTime(lang: Lang, at: Date): string {
  return kept(lang, 'time', (l) => new Intl.DateTimeFormat(l, { timeStyle: 'short', timeZone: WITA })).format(at);
}

/** A WITA clock time to the second, for a wait counted in seconds: "10.15.32". */
export function formatClock(lang: Lang, at: Date): string {
  return kept(lang, 'clock', (l) => new Intl.DateTimeFormat(l, { timeStyle: 'medium', timeZone: WITA })).format(at);
}

/** An "HH:MM" time of day (opening hours, the booking opening) as the language writes it: "08.00" / "08:00". */
export function formatHourMinute(lang: Lang, time: string): string {
  return lang === 'id' ? time.replace(':', '.') : time;
}

/** A "YYYY-MM" month: "Januari 2025" (long) or "Jan 2025" (short). */
export function formatMonth(lang: Lang, month: string, style: 'short' | 'long' = 'long'): string {
  const formatter = kept(
    lang,
    `month ${style}`,
    (l) => new Intl.DateTimeFormat(l, { month: style, year: 'numeric', timeZone: 'UTC' }),
  );
  return formatter.format(new Date(`${month}-01T00:00:00Z`));
}

/** A number with a fixed count of decimals, or as many as it has up to `decimals`: 7.150 / 7,150; 3,25 / 3.25. */
export function formatNumber(lang: Lang, n: number, decimals = 0, fixed = false): string {
  const formatter = kept(
    lang,
    `number ${decimals} ${fixed}`,
    (l) => new Intl.NumberFormat(l, { minimumFractionDigits: fixed ? decimals : 0, maximumFractionDigits: decimals }),
  );
  return formatter.format(n);
}

/** Rupiah, without cents: "Rp 350.000" / "IDR 350,000". */
export function formatRupiah(lang: Lang, amount: number): string {
  const rupiah = kept(
    lang,
    'rupiah',
    (l) => new Intl.NumberFormat(l, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }),
  );
  return rupiah.format(amount);
}

/** Alternatives in a sentence: "Verifikator, Adjudikator, atau Kepala kantor" / "Verifier, Adjudicator or Head of office". */
export function formatAlternatives(lang: Lang, items: string[]): string {
  return kept(lang, 'alternatives', (l) => new Intl.ListFormat(l, { type: 'disjunction' })).format(items);
}
