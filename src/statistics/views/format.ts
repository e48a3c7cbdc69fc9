import type { Lang } from '../../platform/i18n/index.ts';
import type { Month } from '../count-issued-passports.ts';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** Whole numbers as each language writes them: 7.150 in Indonesian, 7,150 in English. */
export const formatCount = (lang: Lang, n: number) => new Intl.NumberFormat(locales[lang]).format(n);

/** "Jan 2025" (short) or "Januari 2025" (long). */
export function formatMonth(lang: Lang, month: Month, style: 'short' | 'long' = 'long'): string {
  return new Intl.DateTimeFormat(locales[lang], { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}
