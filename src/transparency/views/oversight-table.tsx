import type { PageContext } from '../../platform/views/context.ts';
import type { OversightRow, OversightSection } from '../oversight-figures.ts';
import { CountTable } from './count-table.tsx';

const columns = ['section', 'month', 'unit', 'detail', 'nationality', 'count'] as const;

/** Where each section's breakdown is named: the owning feature's words. */
const detailKeys: Partial<Record<OversightSection, string>> = {
  violations: 'timpora.violations',
  decisions: 'enforcement.measures',
  detention_released: 'detention.releaseReasons',
  occupancy: 'detention.blocks',
  occupancy_people: 'transparency.oversight.people',
  refugees: 'detention.refugeeStatuses',
};

/** Joint operations, administrative action, deportations, detention and refugees: counts only, and the CSV. */
export function OversightTable({ ctx, rows, year }: { ctx: PageContext; rows: OversightRow[]; year: number }) {
  const { t } = ctx;
  const caption = t('transparency.oversight.caption', { year });
  const detail = (r: OversightRow) => {
    const key = detailKeys[r.section];
    return key && r.category ? t(`${key}.${r.category}`) : r.category;
  };
  return (
    <section aria-labelledby="oversight-title">
      <h2 id="oversight-title">{t('transparency.oversight.title')}</h2>
      <p>{t('transparency.oversight.lead')}</p>
      <CountTable
        ctx={ctx}
        caption={caption}
        headers={columns.map((c) => t(`transparency.oversight.${c}`))}
        rows={rows.map((r) => [
          t(`transparency.oversight.sections.${r.section}`),
          r.month,
          r.unitCode,
          detail(r),
          r.nationality,
          r.count,
        ])}
        none={t('transparency.oversight.none')}
      />
      <p>
        <a href={`/transparansi/pengawasan.csv?year=${year}`} download>
          {t('transparency.oversight.csv')}
        </a>
      </p>
    </section>
  );
}
