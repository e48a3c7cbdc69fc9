import type { Lang } from '../../platform/i18n/index.ts';
import type { T } from '../../platform/i18n/index.ts';
import { formatCalendarDate } from '../../platform/i18n/format.ts';
import type { VerdictReason } from '../schema.ts';

/** A verdict's reason in words: dates in the language's form, a match and a pass status named, never a ban's grounds. */
export function reasonText(t: T, lang: Lang, reason: VerdictReason): string {
  const params: Record<string, string | number> = { ...(reason.params ?? {}) };
  for (const key of ['date', 'departed'])
    if (typeof params[key] === 'string') params[key] = formatCalendarDate(lang, params[key]);
  if (typeof params.match === 'string') params.match = t(`border.matches.${params.match}`);
  if (typeof params.status === 'string') params.status = t(`borderPasses.statuses.${params.status}`);
  return t(`border.reasons.${reason.code}`, params);
}
