import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { dataUrls } from '../catalog.ts';
import type { Dataset } from '../datasets.ts';

/** /data/{id}: a dataset's dictionary, its small-count rule and its CSV and JSON for every year. */
export function DatasetPage({ ctx, dataset, years }: { ctx: PageContext; dataset: Dataset; years: number[] }) {
  const { t } = ctx;
  const key = (k: string) => t(`openData.datasets.${dataset.id}.${k}`);
  return (
    <Layout ctx={ctx} title={key('title')}>
      <p>
        <a href="/data">{t('openData.back')}</a>
      </p>
      <h1>{key('title')}</h1>
      <p class="lead">{key('description')}</p>
      <dl>
        <dt>{t('openData.source')}</dt>
        <dd>{t(`openData.sources.${dataset.source}`)}</dd>
        <dt>{t('openData.frequency')}</dt>
        <dd>{t(`openData.frequencies.${dataset.frequency}`)}</dd>
        <dt>{t('openData.threshold')}</dt>
        <dd>{key('rule')}</dd>
      </dl>
      <h2>{t('openData.dictionary')}</h2>
      <ScrollRegion label={t('openData.dictionary')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('openData.column')}</th>
              <th scope="col">{t('openData.type')}</th>
              <th scope="col">{t('openData.unit')}</th>
              <th scope="col">{t('openData.description')}</th>
            </tr>
          </thead>
          <tbody>
            {dataset.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{t(`openData.types.${c.type}`)}</td>
                <td>{c.unit ? t(`openData.units.${c.unit}`) : '—'}</td>
                <td>{t(`openData.columns.${dataset.id}.${c.name}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h2>{t('openData.byYear')}</h2>
      <ul>
        {years.map((year) => {
          const urls = dataUrls(dataset, year);
          return (
            <li key={year}>
              {year}: <a href={urls.csv}>CSV</a> · <a href={urls.json}>JSON</a>
            </li>
          );
        })}
      </ul>
      <p>{t('openData.urls')}</p>
      <p class="hint">{t('openData.license')}</p>
    </Layout>
  );
}
