import type { MonthlyCrossingCount } from '../../border/count-crossings.ts';
import { formatNumber } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';

const columns = ['month', 'point', 'direction', 'traveller', 'document', 'count'] as const;

/** Border crossings per month, point, direction, citizen/foreigner and document: counts only, and the CSV. */
export function CrossingTable({ ctx, rows, year }: { ctx: PageContext; rows: MonthlyCrossingCount[]; year: number }) {
  const { t, lang } = ctx;
  const caption = t('transparency.crossings.caption', { year });
  return (
    <section aria-labelledby="crossings-title">
      <h2 id="crossings-title">{t('transparency.crossings.title')}</h2>
      <p>{t('transparency.crossings.lead')}</p>
      {rows.length === 0 ? (
        <p>
          {caption}: {t('transparency.crossings.none')}
        </p>
      ) : (
        <ScrollRegion label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {t(`transparency.crossings.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.month}|${r.pointCode}|${r.direction}|${r.travellerKind}|${r.documentKind}`}>
                  <td>{r.month}</td>
                  <td>{r.pointCode}</td>
                  <td>{t(`border.directions.${r.direction}`)}</td>
                  <td>{t(`border.travellerKinds.${r.travellerKind}`)}</td>
                  <td>{t(`border.documentKinds.${r.documentKind}`)}</td>
                  <td class="number">{formatNumber(lang, r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p>
        <a href={`/transparansi/lintas-batas.csv?year=${year}`} download>
          {t('transparency.crossings.csv')}
        </a>
      </p>
    </section>
  );
}
