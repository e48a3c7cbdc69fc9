import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { RefugeeRow } from '../list-refugees.ts';
import { nameOf } from './detention-page.tsx';

/** The refugees overseen by the officer's Rudenims, with the last month each reported. */
export function RefugeesPage({
  ctx,
  rows,
  canRegister,
}: {
  ctx: PageContext;
  rows: RefugeeRow[];
  canRegister: boolean;
}) {
  const { t } = ctx;
  const caption = t('detention.refugees.count', { n: rows.length });
  return (
    <Layout ctx={ctx} title={t('detention.refugees.title')}>
      <h1>{t('detention.refugees.title')}</h1>
      <p class="lead">{t('detention.refugees.lead')}</p>
      <p class="notice">{t('detention.audited')}</p>
      {canRegister && (
        <p>
          <a href="/officer/refugees/new">{t('detention.refugees.new')}</a>
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('detention.refugees.none')}</p>
      ) : (
        <ScrollRegion label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {['card', 'person', 'unhcr', 'shelter', 'status', 'lastReport'].map((c) => (
                  <th key={c} scope="col">
                    {t(`detention.refugees.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/officer/refugees/${r.id}`}>{r.cardNumber}</a>
                  </td>
                  <td>{nameOf(r.person)}</td>
                  <td>
                    {t(`detention.unhcrStatuses.${r.unhcrStatus}`)} {r.unhcrNumber}
                  </td>
                  <td>{r.shelter}</td>
                  <td>{t(`detention.refugeeStatuses.${r.status}`)}</td>
                  <td>{r.reportedMonths.at(-1) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
