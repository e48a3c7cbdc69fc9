import { formatNumber } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { OversightRow, OversightSection } from '../oversight-figures.ts';

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
  const { t, lang } = ctx;
  const caption = t('transparency.oversight.caption', { year });
  const detail = (r: OversightRow) => {
    const key = detailKeys[r.section];
    return key && r.category ? t(`${key}.${r.category}`) : r.category;
  };
  return (
    <section aria-labelledby="oversight-title">
      <h2 id="oversight-title">{t('transparency.oversight.title')}</h2>
      <p>{t('transparency.oversight.lead')}</p>
      {rows.length === 0 ? (
        <p>
          {caption}: {t('transparency.oversight.none')}
        </p>
      ) : (
        <ScrollRegion label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {t(`transparency.oversight.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.section}|${r.month}|${r.unitCode}|${r.category}|${r.nationality}`}>
                  <td>{t(`transparency.oversight.sections.${r.section}`)}</td>
                  <td>{r.month}</td>
                  <td>{r.unitCode}</td>
                  <td>{detail(r)}</td>
                  <td>{r.nationality}</td>
                  <td class="number">{formatNumber(lang, r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p>
        <a href={`/transparansi/pengawasan.csv?year=${year}`} download>
          {t('transparency.oversight.csv')}
        </a>
      </p>
    </section>
  );
}
