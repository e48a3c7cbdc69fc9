import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { dataUrls } from '../catalog.ts';
import type { Dataset } from '../datasets.ts';
import { SMALL_COUNT } from '../../transparency/small-counts.ts';

/** /data: every dataset with its words, how often it changes and this year's CSV and JSON. */
export function IndexPage({ ctx, datasets, year }: { ctx: PageContext; datasets: readonly Dataset[]; year: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('openData.title')}>
      <h1>{t('openData.title')}</h1>
      <p class="lead">{t('openData.lead')}</p>
      <p>{t('openData.rule', { min: SMALL_COUNT })}</p>
      <ScrollRegion label={t('openData.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('openData.dataset')}</th>
              <th scope="col">{t('openData.description')}</th>
              <th scope="col">{t('openData.frequency')}</th>
              <th scope="col">{t('openData.downloads', { year })}</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => {
              const urls = dataUrls(d, year);
              return (
                <tr key={d.id}>
                  <th scope="row">
                    <a href={urls.page}>{t(`openData.datasets.${d.id}.title`)}</a>
                  </th>
                  <td>{t(`openData.datasets.${d.id}.description`)}</td>
                  <td>{t(`openData.frequencies.${d.frequency}`)}</td>
                  <td>
                    <a href={urls.csv}>CSV</a> · <a href={urls.json}>JSON</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <p>{t('openData.urls')}</p>
      <p>
        <a href="/data/catalog.json">{t('openData.catalog')}</a> · <a href="/transparansi">{t('transparency.title')}</a>
      </p>
      <p class="hint">{t('openData.license')}</p>
    </Layout>
  );
}
