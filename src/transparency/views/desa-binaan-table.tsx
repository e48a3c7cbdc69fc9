import { UNRECORDED_REASON } from '../../cases/count-deferrals.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { DesaBinaanLabels, DesaBinaanRow } from '../desa-binaan-figures.ts';
import { OTHER_NATIONALITY } from '../small-counts.ts';
import { CountTable } from './count-table.tsx';

const columns = ['section', 'unit', 'regency', 'detail', 'count'] as const;

/** Desa Binaan per office and regency: villages, activities, people reached, tips, deferrals; counts only, and the CSV. */
export function DesaBinaanTable({
  ctx,
  rows,
  labels,
  year,
}: {
  ctx: PageContext;
  rows: DesaBinaanRow[];
  labels: DesaBinaanLabels;
  year: number;
}) {
  const { t, lang } = ctx;
  const caption = t('transparency.desaBinaan.caption', { year });
  const regency = (code: string) =>
    code === OTHER_NATIONALITY
      ? t('transparency.desaBinaan.otherRegencies')
      : code === ''
        ? t('transparency.desaBinaan.noVillage')
        : (labels.regencies.get(code) ?? code);
  const detail = (r: DesaBinaanRow) => {
    if (r.section === 'activities') return t(`adoptedVillages.kinds.${r.category}`);
    if (r.section === 'deferrals' && r.category === UNRECORDED_REASON.code)
      return lang === 'en' ? UNRECORDED_REASON.nameEn : UNRECORDED_REASON.nameId;
    if (r.section === 'deferrals') return labels.reasons.get(r.category)?.[lang] ?? r.category;
    if (r.section !== 'tips') return '';
    const [kind, outcome] = r.category.split(':') as [string, string];
    const result = outcome === 'open' ? t('transparency.desaBinaan.open') : t(`villageTips.outcomes.${outcome}`);
    return `${t(`villageTips.kinds.${kind}`)}: ${result}`;
  };
  return (
    <section aria-labelledby="desa-binaan-title">
      <h2 id="desa-binaan-title">{t('transparency.desaBinaan.title')}</h2>
      <p>{t('transparency.desaBinaan.lead')}</p>
      <CountTable
        ctx={ctx}
        caption={caption}
        headers={columns.map((c) => t(`transparency.desaBinaan.${c}`))}
        rows={rows.map((r) => [
          t(`transparency.desaBinaan.sections.${r.section}`),
          r.unitCode,
          regency(r.regencyCode),
          detail(r),
          r.count,
        ])}
        none={t('transparency.desaBinaan.none')}
      />
      <p>
        <a href={`/transparansi/desa-binaan.csv?year=${year}`} download>
          {t('transparency.desaBinaan.csv')}
        </a>{' '}
        · <a href="/desa-binaan">{t('transparency.desaBinaan.villages')}</a>
      </p>
    </section>
  );
}
