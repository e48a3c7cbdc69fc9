import { formatNumber } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { VillageSummary } from '../village-activities.ts';
import type { VillageSignals } from '../village-signals.ts';
import { activityKinds } from '../schema.ts';

/** Held activities by kind, e.g. "Sosialisasi 2, Rapat Timpora di desa 1". */
export const heldText = ({ t, lang }: PageContext, s: VillageSummary) =>
  activityKinds
    .filter((k) => s.held[k] > 0)
    .map((k) => `${t(`adoptedVillages.kinds.${k}`)} ${formatNumber(lang, s.held[k])}`)
    .join(', ') || '0';

export const deferralsText = ({ lang }: PageContext, signals: VillageSignals) => {
  const total = signals.deferrals.reduce((n, d) => n + d.count, 0);
  if (total === 0) return '0';
  return `${formatNumber(lang, total)} (${signals.deferrals.map((d) => `${d.name[lang]}: ${formatNumber(lang, d.count)}`).join(', ')})`;
};

/** The signals' columns, in the order the office page and the village page show them. */
export const signalKeys = ['applications', 'deferrals', 'tips', 'openWarnings'] as const;

/** One signal as text. */
export const signalText = (ctx: PageContext, signals: VillageSignals, key: (typeof signalKeys)[number]) =>
  key === 'deferrals' ? deferralsText(ctx, signals) : formatNumber(ctx.lang, signals[key]);

/** The village's figures for the period, and its early-warning signals where the reader may read them. */
export function SignalList({ ctx, summary }: { ctx: PageContext; summary: VillageSummary }) {
  const { t, lang } = ctx;
  const { signals } = summary;
  const rows: [string, string][] = [
    ['held', heldText(ctx, summary)],
    ['planned', formatNumber(lang, summary.planned)],
    ['peopleReached', formatNumber(lang, summary.peopleReached)],
    ...(signals ? signalKeys.map((k): [string, string] => [k, signalText(ctx, signals, k)]) : []),
  ];
  return (
    <dl>
      {rows.map(([key, value]) => (
        <>
          <dt>{t(`adoptedVillages.office.${key}`)}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

export function PeriodForm({
  ctx,
  action,
  period,
}: {
  ctx: PageContext;
  action: string;
  period: { from: string; to: string };
}) {
  const { t } = ctx;
  return (
    <form method="get" action={action} class="inline">
      <label for="p-from">{t('adoptedVillages.office.from')}</label>{' '}
      <input id="p-from" type="date" name="from" value={period.from} />{' '}
      <label for="p-to">{t('adoptedVillages.office.to')}</label>{' '}
      <input id="p-to" type="date" name="to" value={period.to} />{' '}
      <button type="submit">{t('adoptedVillages.office.show')}</button>
    </form>
  );
}
