import { formatNumber } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { formatValue, indicatorName, rowsWithIndicators } from '../report-rows.ts';
import type { FrozenIndicator, SnapshotRow } from '../schema.ts';

/** A unit's results against targets, one row per indicator judged this semester. */
export function ResultsTable({
  ctx,
  catalogue,
  rows,
  score,
}: {
  ctx: PageContext;
  catalogue: FrozenIndicator[];
  rows: SnapshotRow[];
  score: number | null;
}) {
  const { t, lang } = ctx;
  return (
    <ScrollRegion label={t('performance.evaluation.results')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('performance.evaluation.indicator')}</th>
            <th scope="col">{t('performance.catalogue.area')}</th>
            <th scope="col">{t('performance.evaluation.window')}</th>
            <th scope="col">{t('performance.evaluation.result')}</th>
            <th scope="col">{t('performance.evaluation.yearTarget')}</th>
            <th scope="col">{t('performance.evaluation.target')}</th>
            <th scope="col">{t('performance.evaluation.achievement')}</th>
          </tr>
        </thead>
        <tbody>
          {rowsWithIndicators({ catalogue }, rows).map(({ row, indicator }) => (
            <tr key={row.indicatorCode}>
              <th scope="row">{indicatorName(lang, indicator)}</th>
              <td>{t(`performance.areas.${indicator.ziArea}`)}</td>
              <td>
                {row.from} – {row.to}
              </td>
              <td>
                {row.result === null
                  ? t('performance.evaluation.notComputed')
                  : formatValue(lang, indicator.measure, row.result, t)}
              </td>
              <td>{formatValue(lang, indicator.measure, row.yearTarget, t)}</td>
              <td>{formatValue(lang, indicator.measure, row.target, t)}</td>
              <td>{row.achievement === null ? '—' : `${formatNumber(lang, row.achievement, 2)} %`}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={6}>
              {t('performance.evaluation.score')}
            </th>
            <td>{score === null ? '—' : formatNumber(lang, score, 2)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
