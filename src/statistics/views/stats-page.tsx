import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { ErrorSummary } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { Counts, IssuedStats } from '../count-issued-passports.ts';
import { IssuedChart } from './issued-chart.tsx';
import { formatMonth, formatNumber } from '../../platform/i18n/index.ts';

type Filters = { from: string; to: string; unit?: string };
type Props = {
  ctx: PageContext;
  stats?: IssuedStats;
  filters: Filters;
  units: Unit[];
  errors?: Record<string, string>;
};

export function statsQuery(filters: Filters): string {
  const query = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.unit) query.set('unit', filters.unit);
  return query.toString();
}

function CountCells({ ctx, counts }: { ctx: PageContext; counts: Counts }) {
  return (
    <>
      <td class="number">{formatNumber(ctx.lang, counts.biasa)}</td>
      <td class="number">{formatNumber(ctx.lang, counts.elektronik)}</td>
      <td class="number">{formatNumber(ctx.lang, counts.total)}</td>
    </>
  );
}

function CountHeads({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <>
      <th scope="col">{t('statistics.biasa')}</th>
      <th scope="col">{t('statistics.elektronik')}</th>
      <th scope="col">{t('statistics.total')}</th>
    </>
  );
}

function Results({ ctx, stats }: { ctx: PageContext; stats: IssuedStats }) {
  const { t, lang } = ctx;
  const period = t('statistics.period', { from: formatMonth(lang, stats.from), to: formatMonth(lang, stats.to) });
  const n = (x: number) => formatNumber(lang, x);
  if (stats.total === 0) return <p>{t('statistics.none')}</p>;
  return (
    <>
      <p class="lead">
        {t('statistics.summary', { biasa: n(stats.biasa), elektronik: n(stats.elektronik), total: n(stats.total) })}
      </p>
      <figure>
        <IssuedChart ctx={ctx} stats={stats} period={period} />
      </figure>
      <ScrollRegion label={`${t('statistics.byMonth')}, ${period}`}>
        <table>
          <caption>{`${t('statistics.byMonth')}, ${period}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.month')}</th>
              <CountHeads ctx={ctx} />
            </tr>
          </thead>
          <tbody>
            {stats.byMonth.map((m) => (
              <tr key={m.month}>
                <th scope="row">{formatMonth(lang, m.month)}</th>
                <CountCells ctx={ctx} counts={m} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('statistics.total')}</th>
              <CountCells ctx={ctx} counts={stats} />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <ScrollRegion label={`${t('statistics.byUnit')}, ${period}`}>
        <table>
          <caption>{`${t('statistics.byUnit')}, ${period}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.unit')}</th>
              <CountHeads ctx={ctx} />
            </tr>
          </thead>
          <tbody>
            {stats.byUnit.map((u) => (
              <tr key={u.unitCode}>
                <th scope="row">{u.unitName}</th>
                <CountCells ctx={ctx} counts={u} />
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

/** The public statistics page: a filter form that works without script, the chart, its figures as tables, the CSV. */
export function StatsPage({ ctx, stats, filters, units, errors }: Props) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('statistics.title')} hasErrors={!!errors}>
      <ErrorSummary
        ctx={ctx}
        errors={errors}
        labels={{ from: t('statistics.from'), to: t('statistics.to'), unit: t('statistics.unit') }}
      />
      <h1>{t('statistics.title')}</h1>
      <p>{t('statistics.lead')}</p>
      <form method="get" action="/statistik/paspor">
        <div class="field">
          <label for="f-from">{t('statistics.from')}</label>
          <input id="f-from" name="from" type="month" value={filters.from} />
        </div>
        <div class="field">
          <label for="f-to">{t('statistics.to')}</label>
          <input id="f-to" name="to" type="month" value={filters.to} />
        </div>
        <div class="field">
          <label for="f-unit">{t('statistics.unit')}</label>
          <select id="f-unit" name="unit">
            <option value="">{t('statistics.allUnits')}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code} selected={u.code === filters.unit}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t('statistics.show')}
        </button>
      </form>
      {stats && <Results ctx={ctx} stats={stats} />}
      {stats && (
        <p>
          <a href={`/statistik/paspor.csv?${statsQuery(filters)}`} download>
            {t('statistics.csv')}
          </a>
        </p>
      )}
      <p class="hint">{t('statistics.source')}</p>
    </Layout>
  );
}
