import type { MonthlyCrossingCount } from '../../border/count-crossings.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { CountTable } from './count-table.tsx';

const columns = ['month', 'point', 'direction', 'traveller', 'document', 'count'] as const;

/** Border crossings per month, point, direction, citizen/foreigner and document: counts only, and the CSV. */
export function CrossingTable({ ctx, rows, year }: { ctx: PageContext; rows: MonthlyCrossingCount[]; year: number }) {
  const { t } = ctx;
  const caption = t('transparency.crossings.caption', { year });
  return (
    <section aria-labelledby="crossings-title">
      <h2 id="crossings-title">{t('transparency.crossings.title')}</h2>
      <p>{t('transparency.crossings.lead')}</p>
      <CountTable
        ctx={ctx}
        caption={caption}
        headers={columns.map((c) => t(`transparency.crossings.${c}`))}
        rows={rows.map((r) => [
          r.month,
          r.pointCode,
          t(`border.directions.${r.direction}`),
          t(`border.travellerKinds.${r.travellerKind}`),
          t(`border.documentKinds.${r.documentKind}`),
          r.count,
        ])}
        none={t('transparency.crossings.none')}
      />
      <p>
        <a href={`/transparansi/lintas-batas.csv?year=${year}`} download>
          {t('transparency.crossings.csv')}
        </a>
      </p>
    </section>
  );
}
