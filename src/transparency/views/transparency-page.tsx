import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { formatDateTime, formatNumber } from '../../platform/i18n/index.ts';
import type { PublishedReport } from '../published-report.ts';
import type { UnitReport } from '../transparency-report.ts';
import { BarChart } from './bar-chart.tsx';
import { CrossingTable } from './crossing-table.tsx';
import { ForeignerTables } from './foreigner-tables.tsx';
import { OversightTable } from './oversight-table.tsx';
import { DesaBinaanTable } from './desa-binaan-table.tsx';
import type { DesaBinaanLabels } from '../desa-binaan-figures.ts';

const decimal = (ctx: PageContext, n: number | null, digits = 2) =>
  n === null ? '—' : formatNumber(ctx.lang, n, digits, true);

function Row({ ctx, report, head }: { ctx: PageContext; report: UnitReport; head?: boolean }) {
  const { t, lang } = ctx;
  const c = report.complaints;
  return (
    <tr class={head ? 'total' : undefined}>
      <th scope="row">{report.unitName}</th>
      <td class="number">{formatNumber(lang, c.received)}</td>
      <td class="number">{formatNumber(lang, c.resolved)}</td>
      <td class="number">{formatNumber(lang, c.overdue)}</td>
      <td class="number">{decimal(ctx, c.medianDaysToFirstAnswer, 1)}</td>
      <td class="number">{decimal(ctx, report.ikm.converted)}</td>
      <td>
        {report.ikm.category ? `${report.ikm.category} (${t(`transparency.categories.${report.ikm.category}`)})` : '—'}
      </td>
      <td class="number">{report.ikm.respondents === null ? '—' : formatNumber(lang, report.ikm.respondents)}</td>
      <td class="number">{formatNumber(lang, report.passports.total)}</td>
    </tr>
  );
}

/** The public transparency page: complaints, satisfaction and passports, for the region and each office. */
export function TransparencyPage({
  ctx,
  report,
  labels,
  years,
}: {
  ctx: PageContext;
  report: PublishedReport;
  labels: DesaBinaanLabels;
  years: number[];
}) {
  const { t } = ctx;
  const all = [report.region, ...report.units];
  const short = (r: UnitReport) =>
    r.unitName.replace(/^Kantor (Wilayah Direktorat Jenderal )?Imigrasi (Kelas I TPI )?/, '');
  return (
    <Layout ctx={ctx} title={t('transparency.title')}>
      <h1>{t('transparency.title')}</h1>
      <p>{t('transparency.lead')}</p>
      <p class="muted">{t('transparency.computedAt', { at: formatDateTime(ctx.lang, report.computedAt) })}</p>
      <form method="get" action="/transparansi">
        <div class="field">
          <label for="f-year">{t('transparency.year')}</label>
          <select id="f-year" name="year">
            {years.map((y) => (
              <option key={y} value={String(y)} selected={y === report.year}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t('transparency.show')}
        </button>
      </form>
      <ScrollRegion label={t('transparency.tableCaption', { year: report.year })}>
        <table>
          <caption>{t('transparency.tableCaption', { year: report.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transparency.office')}</th>
              <th scope="col">{t('transparency.received')}</th>
              <th scope="col">{t('transparency.resolved')}</th>
              <th scope="col">{t('transparency.overdue')}</th>
              <th scope="col">{t('transparency.medianDays')}</th>
              <th scope="col">{t('transparency.ikm')}</th>
              <th scope="col">{t('transparency.category')}</th>
              <th scope="col">{t('transparency.respondents')}</th>
              <th scope="col">{t('transparency.passports')}</th>
            </tr>
          </thead>
          <tbody>
            {report.units.map((u) => (
              <Row key={u.unitCode} ctx={ctx} report={u} />
            ))}
          </tbody>
          <tfoot>
            <Row ctx={ctx} report={report.region} head />
          </tfoot>
        </table>
      </ScrollRegion>
      <figure>
        <BarChart
          ctx={ctx}
          id="complaints"
          title={t('transparency.complaintsChart')}
          desc={t('transparency.chartDesc')}
          series={[t('transparency.received'), t('transparency.resolved'), t('transparency.overdue')]}
          bars={all.map((r) => ({
            label: short(r),
            values: [r.complaints.received, r.complaints.resolved, r.complaints.overdue],
          }))}
        />
      </figure>
      <figure>
        <BarChart
          ctx={ctx}
          id="ikm"
          title={t('transparency.ikmChart')}
          desc={t('transparency.chartDesc')}
          series={[t('transparency.ikm')]}
          bars={all.map((r) => ({ label: short(r), values: [r.ikm.converted ?? 0] }))}
          max={100}
        />
      </figure>
      <p>
        <a href={`/transparansi.csv?year=${report.year}`} download>
          {t('transparency.csv')}
        </a>{' '}
        · <a href="/statistik/paspor">{t('statistics.link')}</a> · <a href="/data">{t('openData.link')}</a>
      </p>
      <ForeignerTables ctx={ctx} figures={report.foreigners} year={report.year} />
      <CrossingTable ctx={ctx} rows={report.crossings} year={report.year} />
      <OversightTable ctx={ctx} rows={report.oversight} year={report.year} />
      <DesaBinaanTable ctx={ctx} rows={report.desaBinaan} labels={labels} year={report.year} />
      <p class="hint">{t('transparency.note')}</p>
      <p class="hint">{t('transparency.whistleblowingNote', { count: report.region.complaints.whistleblowing })}</p>
    </Layout>
  );
}
