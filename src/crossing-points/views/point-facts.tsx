import { formatCalendarDate, formatHourMinute } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { weekdays } from '../../platform/calendar/wita.ts';
import type { OpeningHours } from '../../units/schema.ts';
import { plbSwitchOn, plbUsableAt, type CrossingPoint } from '../get-crossing-point.ts';

/** Service hours in a line: "Setiap hari 08.00–16.00 WITA", or day by day when the days differ. */
export function serviceHoursText(ctx: PageContext, hours: OpeningHours | null): string {
  const { t, lang } = ctx;
  if (!hours) return t('crossingPoints.hoursUnknown');
  const day = (d: (typeof weekdays)[number]) =>
    hours[d]?.length
      ? hours[d].map(([a, b]) => `${formatHourMinute(lang, a)}–${formatHourMinute(lang, b)}`).join(', ')
      : t('crossingPoints.closed');
  const all = weekdays.map(day);
  if (all.every((h) => h === all[0])) return t('crossingPoints.everyDay', { hours: all[0] });
  return `${weekdays.map((d, i) => `${t(`weekdays.${d}`)} ${all[i]}`).join('; ')} WITA`;
}

/** Whether a PLB may be used at the point today, in words. */
export function plbTodayText(ctx: PageContext, point: CrossingPoint, today: string): string {
  if (!point.documents.includes('plb')) return ctx.t('crossingPoints.plb.notServed');
  const since = plbSwitchOn(point, today)?.effectiveFrom;
  const state = ctx.t(plbUsableAt(point, today) ? 'crossingPoints.plb.accepted' : 'crossingPoints.plb.refused');
  return since
    ? `${state} (${ctx.t('crossingPoints.plb.since', { date: formatCalendarDate(ctx.lang, since) })})`
    : state;
}
