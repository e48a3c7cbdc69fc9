import { witaInstant, type IsoDate } from '../../platform/calendar/wita.ts';
import { figureName } from '../figure-name.ts';
import { formatDate, formatNumber } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { BarChart } from '../../transparency/views/bar-chart.tsx';
import type { Unit } from '../../units/schema.ts';
import { figureLinks } from '../figure-links.ts';
import { figureCodes, type FigureCode } from '../figures.ts';
import type { ComparedFigure, Dashboard } from '../view-dashboard.ts';

type Props = {
  ctx: PageContext;
  today: IsoDate;
  /** What the form shows: the period asked for (or completed). */
  filter: { unit: string; from: string; to: string };
  choosable: Unit[];
  dashboard?: Dashboard;
  /** Whether each figure links to the list behind it (`listsOpenTo`). */
  links?: boolean;
  errors?: Record<string, string>;
};

const day = (ctx: PageContext, date: IsoDate) => formatDate(ctx.lang, witaInstant(date));

/** Money is shown whole, an index to hundredths, every other figure as a count. */
function value(ctx: PageContext, code: FigureCode, n: number | null): string {
  if (n === null) return '—';
  return formatNumber(ctx.lang, n, code === 'ikm' ? 2 : 0);
}

/** The presets: this month, quarter, semester and year, each up to today. */
export function presets(today: IsoDate): { key: 'month' | 'quarter' | 'semester' | 'year'; from: IsoDate }[] {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const start = (m: number) => `${year}-${String(m).padStart(2, '0')}-01`;
  return [
    { key: 'month', from: start(month) },
    { key: 'quarter', from: start(Math.floor((month - 1) / 3) * 3 + 1) },
    { key: 'semester', from: start(month <= 6 ? 1 : 7) },
    { key: 'year', from: start(1) },
  ];
}

function Change({ ctx, figure }: { ctx: PageContext; figure: ComparedFigure }) {
  const { t } = ctx;
  const n = figure.changePercent;
  if (n === null) return <span class="muted">{t('dashboard.notComparable')}</span>;
  const text =
    n > 0
      ? t('dashboard.up', { n: formatNumber(ctx.lang, n, 1) })
      : n < 0
        ? t('dashboard.down', { n: formatNumber(ctx.lang, -n, 1) })
        : t('dashboard.same');
  return (
    <span>
      <span aria-hidden="true">{n > 0 ? '▲ ' : n < 0 ? '▼ ' : '= '}</span>
      {text}
    </span>
  );
}

function PeriodForm({ ctx, today, filter, choosable }: Pick<Props, 'ctx' | 'today' | 'filter' | 'choosable'>) {
  const { t } = ctx;
  const href = (from: IsoDate) => `/officer/dashboard?unit=${encodeURIComponent(filter.unit)}&from=${from}&to=${today}`;
  return (
    <>
      <form method="get" action="/officer/dashboard" class="filters">
        <fieldset>
          <legend>{t('dashboard.period.legend')}</legend>
          <div class="field">
            <label for="f-unit">{t('dashboard.period.unit')}</label>
            <select id="f-unit" name="unit">
              {choosable.map((u) => (
                <option key={u.code} value={u.code} selected={filter.unit === u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-from">{t('dashboard.period.from')}</label>
            <input id="f-from" name="from" type="date" value={filter.from} />
          </div>
          <div class="field">
            <label for="f-to">{t('dashboard.period.to')}</label>
            <input id="f-to" name="to" type="date" value={filter.to} />
          </div>
          <button type="submit" class="secondary">
            {t('dashboard.period.show')}
          </button>
        </fieldset>
      </form>
      <nav aria-label={t('dashboard.period.presets')}>
        <ul class="inline">
          {presets(today).map((p) => (
            <li key={p.key}>
              <a href={href(p.from)} aria-current={filter.from === p.from && filter.to === today ? 'true' : undefined}>
                {t(`dashboard.period.${p.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

function FiguresTable({ ctx, dashboard, links }: { ctx: PageContext; dashboard: Dashboard; links: boolean }) {
  const { t } = ctx;
  const q = { unit: dashboard.unit.code, from: dashboard.from, to: dashboard.to };
  return (
    <ScrollRegion label={t('dashboard.sections.figures')}>
      <table>
        <caption>{t('dashboard.sections.figures')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.columns.figure')}</th>
            <th scope="col" class="numeric">
              {t('dashboard.columns.current')}
            </th>
            <th scope="col" class="numeric">
              {t('dashboard.columns.previous')}
            </th>
            <th scope="col">{t('dashboard.columns.change')}</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.figures.map((f) => {
            const link = links ? figureLinks[f.code] : undefined;
            return (
              <tr key={f.code} id={`figure-${f.code}`}>
                <th scope="row">{link ? <a href={link(q)}>{figureName(t, f.code)}</a> : figureName(t, f.code)}</th>
                <td class="numeric" title={f.current === null ? t('dashboard.notCounted') : undefined}>
                  {value(ctx, f.code, f.current)}
                </td>
                <td class="numeric" title={f.previous === null ? t('dashboard.notCounted') : undefined}>
                  {value(ctx, f.code, f.previous)}
                </td>
                <td>
                  <Change ctx={ctx} figure={f} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function UnitsTable({ ctx, dashboard }: { ctx: PageContext; dashboard: Dashboard }) {
  const { t } = ctx;
  return (
    <ScrollRegion label={t('dashboard.sections.units')}>
      <table>
        <caption>{t('dashboard.sections.unitsAbout')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.columns.unit')}</th>
            {figureCodes.map((code) => (
              <th scope="col" class="numeric" key={code}>
                {figureName(t, code)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dashboard.units.map((u) => (
            <tr key={u.unitCode}>
              <th scope="row">
                <a
                  href={`/officer/dashboard?unit=${encodeURIComponent(u.unitCode)}&from=${dashboard.from}&to=${dashboard.to}`}
                >
                  {u.unitName}
                </a>
              </th>
              {figureCodes.map((code) => (
                <td class="numeric" key={code}>
                  {value(ctx, code, u.figures[code])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A breakdown as a chart of both periods with its table beside it: the table is the accessible version. */
function Breakdown({
  ctx,
  id,
  title,
  label,
  rows,
  empty,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  label: string;
  rows: { label: string; current: number; previous: number }[];
  empty: string;
}) {
  const { t } = ctx;
  const series = [t('dashboard.columns.current'), t('dashboard.columns.previous')];
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div class="chart-with-table">
          <BarChart
            ctx={ctx}
            id={id}
            title={title}
            desc={t('dashboard.chartDesc', { what: label.toLowerCase() })}
            series={series}
            bars={rows.map((r) => ({ label: r.label, values: [r.current, r.previous] }))}
          />
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{label}</th>
                <th scope="col" class="numeric">
                  {series[0]}
                </th>
                <th scope="col" class="numeric">
                  {series[1]}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td class="numeric">{formatNumber(ctx.lang, r.current)}</td>
                  <td class="numeric">{formatNumber(ctx.lang, r.previous)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DashboardPage({ ctx, today, filter, choosable, dashboard, links, errors }: Props) {
  const { t } = ctx;
  const completed = dashboard?.figures.find((f) => f.code === 'passport_cases_completed')?.current ?? null;
  const onTime = dashboard?.figures.find((f) => f.code === 'passport_cases_on_time')?.current ?? null;
  return (
    <Layout ctx={ctx} title={t('dashboard.title')} hasErrors={!!errors}>
      <h1>{t('dashboard.title')}</h1>
      <ErrorSummary
        ctx={ctx}
        errors={errors}
        labels={{ unit: t('dashboard.period.unit'), from: t('dashboard.period.from'), to: t('dashboard.period.to') }}
      />
      <PeriodForm ctx={ctx} today={today} filter={filter} choosable={choosable} />
      {dashboard && (
        <>
          <p>
            {t('dashboard.lead', {
              unit: dashboard.unit.name,
              from: day(ctx, dashboard.from),
              to: day(ctx, dashboard.to),
              previousFrom: day(ctx, dashboard.previousFrom),
              previousTo: day(ctx, dashboard.previousTo),
            })}
          </p>
          {completed !== null && onTime !== null && completed > 0 && (
            <p>{t('dashboard.serviceLevel', { n: formatNumber(ctx.lang, (onTime / completed) * 100, 1) })}</p>
          )}
          <FiguresTable ctx={ctx} dashboard={dashboard} links={links ?? false} />
          <Breakdown
            ctx={ctx}
            id="chart-passports"
            title={t('dashboard.sections.passports')}
            label={t('dashboard.columns.type')}
            rows={dashboard.breakdowns.passportsByType.map((r) => ({ ...r, label: t(`statistics.${r.type}`) }))}
            empty={t('dashboard.noPassports')}
          />
          <Breakdown
            ctx={ctx}
            id="chart-deferrals"
            title={t('dashboard.sections.deferrals')}
            label={t('dashboard.columns.reason')}
            rows={dashboard.breakdowns.deferralsByReason.map((r) => ({
              ...r,
              label: ctx.lang === 'en' ? r.nameEn : r.nameId,
            }))}
            empty={t('dashboard.noDeferrals')}
          />
          <section aria-labelledby="units-h">
            <h2 id="units-h">{t('dashboard.sections.units')}</h2>
            <UnitsTable ctx={ctx} dashboard={dashboard} />
          </section>
        </>
      )}
    </Layout>
  );
}
