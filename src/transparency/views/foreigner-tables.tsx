import type { PageContext } from '../../platform/views/context.ts';
import type { ProtectedForeignerFigures } from '../protect-report.ts';
import { CountTable } from './count-table.tsx';

function Table({
  ctx,
  caption,
  columns,
  rows,
}: {
  ctx: PageContext;
  caption: string;
  columns: string[];
  rows: (string | number | null)[][];
}) {
  const { t } = ctx;
  const headers = columns.map((c) => t(`transparency.foreigners.${c}`));
  return (
    <CountTable ctx={ctx} caption={caption} headers={headers} rows={rows} none={t('transparency.foreigners.none')} />
  );
}

/** Stay permits, lodging reports and overstays per unit and month: counts only. */
export function ForeignerTables({
  ctx,
  figures,
  year,
}: {
  ctx: PageContext;
  figures: ProtectedForeignerFigures;
  year: number;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="foreigners-title">
      <h2 id="foreigners-title">{t('transparency.foreigners.title')}</h2>
      <p>{t('transparency.foreigners.lead')}</p>
      <Table
        ctx={ctx}
        caption={t('transparency.foreigners.permitsCaption', { year })}
        columns={['month', 'unit', 'type', 'nationality', 'count']}
        rows={figures.permits.map((r) => [r.month, r.unitCode, r.type.toUpperCase(), r.nationality, r.count])}
      />
      <Table
        ctx={ctx}
        caption={t('transparency.foreigners.lodgingCaption', { year })}
        columns={['month', 'unit', 'reports', 'late']}
        rows={figures.lodgingReports.map((r) => [r.month, r.unitCode, r.reports, r.late])}
      />
      <Table
        ctx={ctx}
        caption={t('transparency.foreigners.overstaysCaption', { year })}
        columns={['month', 'unit', 'overstays', 'paid', 'proposed']}
        rows={figures.overstays.map((r) => [r.month, r.unitCode, r.overstays, r.paid, r.proposed])}
      />
      <p>
        <a href={`/transparansi/orang-asing.csv?year=${year}`} download>
          {t('transparency.foreigners.csv')}
        </a>
      </p>
    </section>
  );
}
