import type { TFunction } from 'i18next';

/**
 * A figure's name in the reader's language, for every page that names figures (the dashboard, the indicators); a
 * string, as indicators keep their figure's code as data.
 */
export const figureName = (t: TFunction, code: string): string => t(`dashboard.figures.${code}`);
