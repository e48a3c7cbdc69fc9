import { formatNumber, type Lang } from '../platform/i18n/index.ts';

/**
 * A score as offices publish it: element means and the IKM with 3 decimals, the converted value with 2, with the
 * reader's decimal separator (the category is decided on the unrounded value, see ikmCategory).
 */
export const formatScore = (lang: Lang, value: number | null, decimals: 2 | 3) =>
  value === null ? '—' : formatNumber(lang, value, decimals, true);
