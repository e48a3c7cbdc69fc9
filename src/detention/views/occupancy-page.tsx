import { formatCalendarDate, formatNumber } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { OccupancyReport } from '../count-occupancy.ts';

const tallies = ['men', 'women', 'children', 'other'] as const;

/** The day's occupancy: counts only, no names. */
export function OccupancyPage({ ctx, report }: { ctx: PageContext; report: OccupancyReport }) {
  const { t } = ctx;
  const n = (v: number) => formatNumber(ctx.lang, v);
  return (
    <Layout ctx={ctx} title={t('detention.occupancy.title')}>
      <h1>{t('detention.occupancy.title')}</h1>
      <form method="get" action="/officer/detention/occupancy" class="filters">
        <div class="field">
          <label for="f-on">{t('detention.occupancy.on')}</label>
          <input id="f-on" name="on" type="date" value={report.on} />
        </div>
        <input type="hidden" name="unit" value={report.unitCode} />
        <button type="submit" class="secondary">
          {t('detention.occupancy.show')}
        </button>
      </form>
      <p>
        {t('detention.occupancy.total', {
          n: n(report.total),
          unit: report.unitCode,
          on: formatCalendarDate(ctx.lang, report.on),
        })}{' '}
        <a href={`/api/v1/detention/occupancy?unit=${report.unitCode}&on=${report.on}`}>JSON</a>
      </p>
      <table>
        <caption>{t('detention.occupancy.byBlock')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('detention.columns.block')}</th>
            {tallies.map((k) => (
              <th key={k} scope="col">
                {t(`detention.occupancy.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.byBlock).map(([block, tally]) => (
            <tr key={block}>
              <th scope="row">{t(`detention.blocks.${block}`)}</th>
              {tallies.map((k) => (
                <td key={k}>{n(tally[k])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {(['byNationality', 'byAuthority'] as const).map((part) => (
        <table key={part}>
          <caption>{t(`detention.occupancy.${part}`)}</caption>
          <tbody>
            {Object.entries(report[part]).map(([key, count]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td>{n(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </Layout>
  );
}
